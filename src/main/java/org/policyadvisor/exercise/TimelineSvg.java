package org.policyadvisor.exercise;

import org.policyadvisor.engine.ConclusionKind;

/**
 * The timeline chart as inline SVG for the page: no script, no library, no inline {@code style} (the Content
 * Security Policy forbids it), only SVG presentation attributes. It is one image to assistive technology
 * ({@code role="img"} with a title and a description); the table beside it carries the same data as text.
 * <p>
 * Every piece of text from the exercise or the rule pack goes through {@link #escape}: the result is inserted into
 * the page unescaped.
 */
final class TimelineSvg {

	static final String TITLE_ID = "timeline-title";

	static final String DESC_ID = "timeline-desc";

	private static final String FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

	private TimelineSvg() {
	}

	/**
	 * @param title the chart's accessible name
	 * @param description what it shows, and where to find the same as text
	 */
	static String render(TimelineLayout layout, String title, String description) {
		StringBuilder svg = new StringBuilder(16_384);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\" role=\"img\" aria-labelledby=\"")
			.append(TITLE_ID).append(' ').append(DESC_ID).append("\" width=\"").append(layout.width())
			.append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width())
			.append(' ').append(layout.height()).append("\" font-family=\"").append(FONT).append("\">\n");
		svg.append("<title id=\"").append(TITLE_ID).append("\">").append(escape(title)).append("</title>\n");
		svg.append("<desc id=\"").append(DESC_ID).append("\">").append(escape(description)).append("</desc>\n");
		svg.append("<defs>\n");
		hatch(svg, ConclusionKind.RISK);
		hatch(svg, ConclusionKind.RECOMMENDATION);
		svg.append("</defs>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(TimelinePalette.PAPER).append("\"/>\n");
		for (int i = 0; i < layout.rows().size(); i++) {
			if (i % 2 == 1) {
				TimelineLayout.Box band = layout.rows().get(i).band();
				rect(svg, band, TimelinePalette.BAND, null, false, null);
			}
		}
		for (TimelineLayout.Box line : layout.gridLines()) {
			svg.append("<line x1=\"").append(line.x()).append("\" y1=\"").append(line.y()).append("\" x2=\"")
				.append(line.x()).append("\" y2=\"").append(line.y() + line.height()).append("\" stroke=\"")
				.append(TimelinePalette.LINE).append("\"/>\n");
		}
		for (TimelineLayout.Header header : layout.headers()) {
			svg.append("<g class=\"timeline-column\" data-turn=\"").append(header.column().number()).append("\"><title>")
				.append(escape(header.column().title())).append("</title>");
			text(svg, header.column().label(), header.box().centerX(), header.box().baseline(TimelineLayout.FONT_SIZE),
					TimelineLayout.FONT_SIZE, true, TimelinePalette.INK, "middle");
			svg.append("</g>\n");
		}
		for (TimelineLayout.Text text : layout.texts()) {
			text(svg, text.text(), text.x(), text.y(), text.size(), text.bold(), TimelinePalette.INK, null);
			svg.append('\n');
		}
		for (TimelineLayout.PlacedRow row : layout.rows()) {
			svg.append("<g class=\"timeline-row\" data-conclusion=\"").append(escape(row.row().conclusion().id()))
				.append("\">");
			for (TimelineLayout.Text line : row.label()) {
				text(svg, line.text(), line.x(), line.y(), line.size(), false, TimelinePalette.INK, null);
			}
			svg.append('\n');
			for (TimelineLayout.PlacedCell cell : row.cells()) {
				svg.append("<g class=\"timeline-cell\" data-turn=\"").append(cell.column().number())
					.append("\" data-status=\"").append(status(cell.cell())).append("\"><title>")
					.append(escape(cell.column().label() + ": " + cell.cell().words())).append("</title>");
				cell(svg, row.row().kind(), cell.cell(), cell.box());
				svg.append("</g>\n");
			}
			svg.append("</g>\n");
		}
		for (TimelineLayout.Swatch swatch : layout.swatches()) {
			cell(svg, swatch.kind(), swatch.cell(), swatch.box());
			svg.append('\n');
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** What a cell shows, for tests and scripts: "likely", "appeared-likely", "ended" or "none". */
	static String status(Timeline.Cell cell) {
		if (cell.holds()) {
			return (cell.mark() == Timeline.Mark.APPEARED) ? "appeared-" + cell.strength().label()
					: cell.strength().label();
		}
		return (cell.mark() == Timeline.Mark.ENDED) ? "ended" : "none";
	}

	private static void cell(StringBuilder svg, ConclusionKind kind, Timeline.Cell cell, TimelineLayout.Box box) {
		TimelinePalette.Style style = TimelinePalette.style(kind, cell);
		String fill = (style.hatch() != null) ? "url(#" + TimelinePalette.hatchId(kind) + ")" : style.fill();
		rect(svg, box, fill, style.stroke(), style.dashed(), 3);
		text(svg, cell.symbol(), box.centerX(), box.baseline(TimelineLayout.CELL_FONT_SIZE),
				TimelineLayout.CELL_FONT_SIZE, style.bold(), style.text(), "middle");
	}

	private static void hatch(StringBuilder svg, ConclusionKind kind) {
		TimelinePalette.Style style = TimelinePalette.style(kind,
				new Timeline.Cell(org.policyadvisor.engine.Strength.POSSIBLE, Timeline.Mark.NONE));
		svg.append("<pattern id=\"").append(TimelinePalette.hatchId(kind))
			.append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
			.append("<rect width=\"8\" height=\"8\" fill=\"").append(style.fill()).append("\"/>")
			.append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"").append(style.hatch())
			.append("\" stroke-width=\"4\"/></pattern>\n");
	}

	private static void rect(StringBuilder svg, TimelineLayout.Box box, String fill, String stroke, boolean dashed,
			Integer radius) {
		svg.append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"")
			.append(box.width()).append("\" height=\"").append(box.height()).append("\" fill=\"").append(fill)
			.append('"');
		if (radius != null) {
			svg.append(" rx=\"").append(radius).append('"');
		}
		if (stroke != null) {
			svg.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
			if (dashed) {
				svg.append(" stroke-dasharray=\"4 3\"");
			}
		}
		svg.append("/>");
	}

	private static void text(StringBuilder svg, String text, int x, int y, int size, boolean bold, String colour,
			String anchor) {
		svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
			.append("\" fill=\"").append(colour).append('"');
		if (bold) {
			svg.append(" font-weight=\"700\"");
		}
		if (anchor != null) {
			svg.append(" text-anchor=\"").append(anchor).append('"');
		}
		svg.append('>').append(escape(text)).append("</text>");
	}

	/** Text for SVG content or a quoted attribute: the five characters XML gives meaning to, as references. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					// Control characters other than tab and line breaks are not allowed in XML at all.
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
