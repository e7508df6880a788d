package org.policyadvisor.exercise;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.policyadvisor.engine.ConclusionKind;

/**
 * The timeline chart as a PNG, for the report (a PDF cannot show SVG here) and for the Markdown report's link:
 * drawn with Java2D from the same layout as the page's SVG, at twice its size so that it prints sharp.
 * <p>
 * The font is DejaVu Sans from the jar when it is there (the PDF reports ship it), so that the arrows and dashes
 * print on a server without fonts; otherwise Java's logical sans-serif font.
 */
final class TimelinePng {

	/** Pixels per layout unit at most: twice the page's size prints sharp. */
	static final double MAX_SCALE = 2;

	/**
	 * Pixels at most, whatever the number of turns and rows: a 50-turn chart at twice its size would take seconds to
	 * encode and megabytes to send. Wider charts are drawn at a smaller scale, never below the page's own size.
	 */
	static final double MAX_PIXELS = 6_000_000;

	private static final Font REGULAR = loadFont("fonts/DejaVuSans.ttf", Font.PLAIN);

	private static final Font BOLD = loadFont("fonts/DejaVuSans-Bold.ttf", Font.BOLD);

	private TimelinePng() {
	}

	/** Pixels per layout unit for this layout: {@link #MAX_SCALE}, less for a large chart, at least 1. */
	static double scale(TimelineLayout layout) {
		double area = (double) layout.width() * layout.height();
		return Math.max(1, Math.min(MAX_SCALE, Math.sqrt(MAX_PIXELS / area)));
	}

	static byte[] render(TimelineLayout layout) {
		double scale = scale(layout);
		BufferedImage image = new BufferedImage((int) Math.ceil(layout.width() * scale),
				(int) Math.ceil(layout.height() * scale), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.scale(scale, scale);
			draw(g, layout);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			// Light compression: the chart's flat colours compress well even so, and the default level takes several
			// times as long.
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.8f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("writing a PNG to memory", ex);
		}
		finally {
			writer.dispose();
		}
		return png.toByteArray();
	}

	private static void draw(Graphics2D g, TimelineLayout layout) {
		g.setColor(color(TimelinePalette.PAPER));
		g.fillRect(0, 0, layout.width(), layout.height());
		for (int i = 0; i < layout.rows().size(); i++) {
			if (i % 2 == 1) {
				TimelineLayout.Box band = layout.rows().get(i).band();
				g.setColor(color(TimelinePalette.BAND));
				g.fillRect(band.x(), band.y(), band.width(), band.height());
			}
		}
		g.setColor(color(TimelinePalette.LINE));
		g.setStroke(new BasicStroke(1f));
		for (TimelineLayout.Box line : layout.gridLines()) {
			g.draw(new Line2D.Float(line.x(), line.y(), line.x(), line.y() + line.height()));
		}
		for (TimelineLayout.Header header : layout.headers()) {
			centred(g, header.column().label(), header.box().centerX(),
					header.box().baseline(TimelineLayout.FONT_SIZE), TimelineLayout.FONT_SIZE, true,
					TimelinePalette.INK, header.box().width() - 4);
		}
		for (TimelineLayout.Text text : layout.texts()) {
			left(g, text, TimelinePalette.INK, layout.width() - text.x() - TimelineLayout.MARGIN);
		}
		for (TimelineLayout.PlacedRow row : layout.rows()) {
			for (TimelineLayout.Text line : row.label()) {
				left(g, line, TimelinePalette.INK, TimelineLayout.LABEL_WIDTH - 10);
			}
			for (TimelineLayout.PlacedCell cell : row.cells()) {
				cell(g, row.row().kind(), cell.cell(), cell.box());
			}
		}
		for (TimelineLayout.Swatch swatch : layout.swatches()) {
			cell(g, swatch.kind(), swatch.cell(), swatch.box());
		}
	}

	private static void cell(Graphics2D g, ConclusionKind kind, Timeline.Cell cell, TimelineLayout.Box box) {
		TimelinePalette.Style style = TimelinePalette.style(kind, cell);
		Shape shape = new RoundRectangle2D.Float(box.x(), box.y(), box.width(), box.height(), 6, 6);
		g.setColor(color(style.fill()));
		g.fill(shape);
		if (style.hatch() != null) {
			Shape clip = g.getClip();
			g.clip(shape);
			g.setColor(color(style.hatch()));
			g.setStroke(new BasicStroke(2.8f));
			// Lines at 45°, 8 apart across the stripe direction as in the SVG pattern.
			for (int d = -box.height(); d < box.width(); d += 11) {
				g.draw(new Line2D.Float(box.x() + d, box.y() + box.height(), box.x() + d + box.height(), box.y()));
			}
			g.setClip(clip);
		}
		if (style.stroke() != null) {
			g.setColor(color(style.stroke()));
			g.setStroke(style.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
					new float[] { 4f, 3f }, 0f) : new BasicStroke(1.5f));
			g.draw(shape);
		}
		centred(g, cell.symbol(), box.centerX(), box.baseline(TimelineLayout.CELL_FONT_SIZE),
				TimelineLayout.CELL_FONT_SIZE, style.bold(), style.text(), box.width() - 4);
	}

	private static void left(Graphics2D g, TimelineLayout.Text text, String colour, int maxWidth) {
		Font font = fitted(g, text.text(), text.size(), text.bold(), maxWidth);
		g.setFont(font);
		g.setColor(color(colour));
		g.drawString(text.text(), text.x(), text.y());
	}

	private static void centred(Graphics2D g, String text, int centreX, int baseline, int size, boolean bold,
			String colour, int maxWidth) {
		Font font = fitted(g, text, size, bold, maxWidth);
		g.setFont(font);
		g.setColor(color(colour));
		FontMetrics metrics = g.getFontMetrics(font);
		g.drawString(text, centreX - metrics.stringWidth(text) / 2f, baseline);
	}

	/**
	 * The font at the size asked, or smaller if the text would not fit: the layout wraps by characters, and this font
	 * may be wider than the browser's.
	 */
	private static Font fitted(Graphics2D g, String text, int size, boolean bold, int maxWidth) {
		Font font = (bold ? BOLD : REGULAR).deriveFont((float) size);
		int width = g.getFontMetrics(font).stringWidth(text);
		if (width > maxWidth && maxWidth > 0) {
			font = font.deriveFont(Math.max(7f, size * (float) maxWidth / width));
		}
		return font;
	}

	private static Color color(String hex) {
		return Color.decode(hex);
	}

	private static Font loadFont(String resource, int style) {
		try (InputStream in = TimelinePng.class.getClassLoader().getResourceAsStream(resource)) {
			if (in != null) {
				return Font.createFont(Font.TRUETYPE_FONT, in);
			}
		}
		catch (IOException | FontFormatException ex) {
			// Fall through to the logical font: the chart is still readable.
		}
		return new Font(Font.SANS_SERIF, style, TimelineLayout.FONT_SIZE);
	}

}
