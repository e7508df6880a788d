package org.policyadvisor.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportImagesTests {

	@Test
	void aDrawnImageBecomesAPngDataUriThatDecodesToTheSameImage() throws IOException {
		String uri = ReportImages.pngDataUri(PdfRendererTests.redRectangle());
		assertThat(uri).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(80);
		assertThat(image.getHeight()).isEqualTo(40);
		assertThat(image.getRGB(10, 10) & 0xffffff).isEqualTo(0xff0000);
	}

	@Test
	void refusesWhatIsNotAPng() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReportImages.pngDataUri(new byte[0]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReportImages.pngDataUri("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()));
		assertThatIllegalArgumentException().isThrownBy(() -> ReportImages.pngDataUri(new byte[] { (byte) 0xff,
				(byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' }));
	}

	@Test
	void refusesAPngOverTheLimit() {
		byte[] png = ReportImages.png(PdfRendererTests.redRectangle());
		byte[] huge = java.util.Arrays.copyOf(png, ReportImages.MAX_PNG_BYTES + 1);
		assertThatIllegalArgumentException().isThrownBy(() -> ReportImages.pngDataUri(huge))
			.withMessageContaining("over the limit");
	}

}
