package org.policyadvisor.exercise;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.Strength;

/**
 * The chart's colours, in one place for both renderers. Strength is shown three ways at once: the word in the cell,
 * the shade (darker for firmer), and a hatch for "possible"; text on every fill meets WCAG AA contrast.
 */
final class TimelinePalette {

	static final String INK = "#1b1f24";

	static final String MUTED = "#4a5561";

	static final String LINE = "#c9d1db";

	static final String PAPER = "#ffffff";

	static final String BAND = "#f7f9fb";

	private TimelinePalette() {
	}

	/**
	 * How a cell is drawn.
	 *
	 * @param hatch the colour of diagonal lines over the fill; {@code null} for none
	 * @param stroke the outline; {@code null} for none
	 */
	record Style(String fill, String hatch, String text, String stroke, boolean dashed, boolean bold) {
	}

	static Style style(ConclusionKind kind, Timeline.Cell cell) {
		boolean risk = kind == ConclusionKind.RISK;
		if (!cell.holds()) {
			return (cell.mark() == Timeline.Mark.ENDED) ? new Style(PAPER, null, MUTED, MUTED, true, true)
					: new Style(PAPER, null, MUTED, null, false, false);
		}
		return switch (cell.strength()) {
			case ASSERTED -> new Style(risk ? "#8b1a1a" : "#17603a", null, PAPER, null, false, true);
			case LIKELY -> new Style(risk ? "#eeb1b1" : "#a8d8b9", null, INK, null, false, true);
			case POSSIBLE -> new Style(risk ? "#fdf0f1" : "#eef7f1", risk ? "#e9b8bd" : "#b5dcc3", INK,
					risk ? "#b00020" : "#17603a", false, true);
		};
	}

	/** The id of the SVG pattern that hatches a style, by kind. */
	static String hatchId(ConclusionKind kind) {
		return (kind == ConclusionKind.RISK) ? "timeline-hatch-risk" : "timeline-hatch-recommendation";
	}

	static Strength[] strongestFirst() {
		return new Strength[] { Strength.ASSERTED, Strength.LIKELY, Strength.POSSIBLE };
	}

}
