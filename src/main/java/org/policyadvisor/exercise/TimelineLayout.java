package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.List;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.Strength;

/**
 * Where everything of the timeline chart goes, in pixels, worked out once for both renderers so that the SVG on the
 * page and the PNG in the report are the same picture. Labels are wrapped by a count of characters rather than by
 * measuring a font: the page's font is the browser's.
 */
final class TimelineLayout {

	static final int MARGIN = 16;

	static final int LABEL_WIDTH = 316;

	static final int COLUMN_WIDTH = 88;

	static final int HEADER_HEIGHT = 34;

	static final int GROUP_HEIGHT = 32;

	static final int LINE_HEIGHT = 15;

	static final int FONT_SIZE = 12;

	static final int CELL_FONT_SIZE = 11;

	static final int CELL_INSET = 3;

	/** Characters per line of a row's label, and lines at most; a longer title ends in "…" (the table has it whole). */
	static final int WRAP = 44;

	static final int MAX_LINES = 3;

	/** Wide enough for the key, whatever the number of turns. */
	static final int MIN_WIDTH = 620;

	private static final int LEGEND_ROW = 30;

	record Box(int x, int y, int width, int height) {

		int centerX() {
			return this.x + this.width / 2;
		}

		/** Where the baseline of text of the given size goes for the text to look centred. */
		int baseline(int fontSize) {
			return this.y + (this.height + fontSize) / 2 - 1;
		}

	}

	/** A piece of text: where its baseline starts, its size and weight. */
	record Text(String text, int x, int y, int size, boolean bold) {
	}

	record Header(Timeline.Column column, Box box) {
	}

	record PlacedCell(Timeline.Cell cell, Timeline.Column column, Box box) {
	}

	/**
	 * @param band the row's full width, for its background
	 * @param label the label's lines
	 */
	record PlacedRow(Timeline.Row row, Box band, List<Text> label, List<PlacedCell> cells) {
	}

	/** A sample cell of the key. */
	record Swatch(ConclusionKind kind, Timeline.Cell cell, Box box) {
	}

	private final Timeline timeline;

	private final int width;

	private final int height;

	private final List<Header> headers = new ArrayList<>();

	private final List<Text> texts = new ArrayList<>();

	private final List<PlacedRow> rows = new ArrayList<>();

	private final List<Swatch> swatches = new ArrayList<>();

	private final List<Box> gridLines = new ArrayList<>();

	TimelineLayout(Timeline timeline) {
		this.timeline = timeline;
		int columns = timeline.columns().size();
		int gridX = MARGIN + LABEL_WIDTH;
		this.width = Math.max(MIN_WIDTH, gridX + columns * COLUMN_WIDTH + MARGIN);
		int y = MARGIN;
		for (int i = 0; i < columns; i++) {
			this.headers.add(new Header(timeline.columns().get(i), new Box(gridX + i * COLUMN_WIDTH, y, COLUMN_WIDTH,
					HEADER_HEIGHT)));
		}
		this.texts.add(new Text("Risk or recommendation", MARGIN, new Box(0, y, 0, HEADER_HEIGHT).baseline(FONT_SIZE),
				FONT_SIZE, true));
		y += HEADER_HEIGHT;
		y = group("Risks", timeline.risks(), "No risk holds at any turn.", y, gridX);
		y = group("Recommendations", timeline.recommendations(), "No recommendation applies at any turn.", y, gridX);
		// Vertical lines between the columns, from the header down to the last row.
		for (int i = 0; i <= columns; i++) {
			this.gridLines.add(new Box(gridX + i * COLUMN_WIDTH, MARGIN, 0, y - MARGIN));
		}
		y += 16;
		this.texts.add(new Text("Key", MARGIN, y + FONT_SIZE, FONT_SIZE, true));
		y += FONT_SIZE + 8;
		y = legendRow("Risk holds", ConclusionKind.RISK, y);
		y = legendRow("Recommendation applies", ConclusionKind.RECOMMENDATION, y);
		this.texts.add(new Text("▲ new at this turn    ▼ ended at this turn    – does not hold", MARGIN,
				y + LEGEND_ROW / 2 + 4, FONT_SIZE, false));
		y += LEGEND_ROW;
		this.height = y + MARGIN;
	}

	private int group(String title, List<Timeline.Row> rows, String none, int top, int gridX) {
		int y = top;
		this.texts.add(new Text(title, MARGIN, new Box(0, y, 0, GROUP_HEIGHT).baseline(FONT_SIZE + 1) + 2,
				FONT_SIZE + 1, true));
		y += GROUP_HEIGHT;
		if (rows.isEmpty()) {
			this.texts.add(new Text(none, MARGIN, y + FONT_SIZE + 2, FONT_SIZE, false));
			return y + LINE_HEIGHT + 10;
		}
		for (Timeline.Row row : rows) {
			List<String> lines = wrap(row.conclusion().title());
			int rowHeight = Math.max(30, lines.size() * LINE_HEIGHT + 10);
			Box band = new Box(MARGIN, y, gridX + this.timeline.columns().size() * COLUMN_WIDTH - MARGIN, rowHeight);
			List<Text> label = new ArrayList<>();
			int firstBaseline = y + (rowHeight - lines.size() * LINE_HEIGHT) / 2 + FONT_SIZE;
			for (int i = 0; i < lines.size(); i++) {
				label.add(new Text(lines.get(i), MARGIN + 6, firstBaseline + i * LINE_HEIGHT, FONT_SIZE, false));
			}
			List<PlacedCell> cells = new ArrayList<>();
			for (int i = 0; i < row.cells().size(); i++) {
				cells.add(new PlacedCell(row.cells().get(i), this.timeline.columns().get(i),
						new Box(gridX + i * COLUMN_WIDTH + CELL_INSET, y + CELL_INSET, COLUMN_WIDTH - 2 * CELL_INSET,
								rowHeight - 2 * CELL_INSET)));
			}
			this.rows.add(new PlacedRow(row, band, label, cells));
			y += rowHeight;
		}
		return y;
	}

	private int legendRow(String label, ConclusionKind kind, int top) {
		this.texts.add(new Text(label, MARGIN, top + LEGEND_ROW / 2 + 4, FONT_SIZE, false));
		Strength[] strengths = TimelinePalette.strongestFirst();
		for (int i = 0; i < strengths.length; i++) {
			this.swatches.add(new Swatch(kind, new Timeline.Cell(strengths[i], Timeline.Mark.NONE),
					new Box(MARGIN + 176 + i * COLUMN_WIDTH + CELL_INSET, top + 2, COLUMN_WIDTH - 2 * CELL_INSET,
							LEGEND_ROW - 4)));
		}
		return top + LEGEND_ROW;
	}

	/** Splits at spaces into lines of at most {@link #WRAP} characters, ending in "…" past {@link #MAX_LINES}. */
	static List<String> wrap(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		if (lines.size() > MAX_LINES) {
			List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
			String last = kept.get(MAX_LINES - 1);
			kept.set(MAX_LINES - 1, ((last.length() > WRAP - 1) ? last.substring(0, WRAP - 1) : last) + "…");
			return kept;
		}
		// A single word longer than a line is cut rather than allowed to run into the cells.
		return lines.stream().map((l) -> (l.length() > WRAP) ? l.substring(0, WRAP - 1) + "…" : l).toList();
	}

	Timeline timeline() {
		return this.timeline;
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	List<Header> headers() {
		return this.headers;
	}

	List<Text> texts() {
		return this.texts;
	}

	List<PlacedRow> rows() {
		return this.rows;
	}

	List<Swatch> swatches() {
		return this.swatches;
	}

	/** Vertical lines, as boxes of no width. */
	List<Box> gridLines() {
		return this.gridLines;
	}

}
