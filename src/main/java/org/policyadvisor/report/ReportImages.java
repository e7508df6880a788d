package org.policyadvisor.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Images for reports, embedded in the document itself: the PDF renderer fetches nothing, and cannot draw SVG.
 * <p>
 * Draw a chart with Java2D on a {@link BufferedImage} (twice the printed size for sharp print), or take PNG bytes
 * from elsewhere, and put the data URI in the model:
 * <pre>{@code
 * model.put("chart", ReportImages.pngDataUri(image));
 * }</pre>
 * and in the template: {@code <img th:src="${chart}" alt="What the chart shows" style="width: 160mm"/>}. Give the
 * printed size in CSS; the {@code alt} text is required for the tagged (accessible) PDF. The same URI works in an
 * HTML page.
 */
public final class ReportImages {

	/** The biggest PNG a report embeds; a chart is a few tens of kilobytes. */
	public static final int MAX_PNG_BYTES = 4 * 1024 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private ReportImages() {
	}

	/**
	 * The PNG as a {@code data:image/png;base64,…} URI.
	 * @throws IllegalArgumentException when the bytes are not a PNG, or over {@value #MAX_PNG_BYTES} bytes
	 */
	public static String pngDataUri(byte[] png) {
		if (png.length < PNG_SIGNATURE.length
				|| !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
			throw new IllegalArgumentException("Not a PNG image");
		}
		if (png.length > MAX_PNG_BYTES) {
			throw new IllegalArgumentException(
					"A PNG of " + png.length + " bytes is over the limit of " + MAX_PNG_BYTES + " for a report.");
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
	}

	/** The image encoded as PNG, as a {@code data:} URI. */
	public static String pngDataUri(BufferedImage image) {
		return pngDataUri(png(image));
	}

	/** The image encoded as PNG. */
	public static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, "png", out)) {
				throw new IllegalArgumentException("This image cannot be written as PNG");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
