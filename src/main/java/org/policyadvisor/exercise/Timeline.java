package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * The timeline chart's data: turns across, and a row for each risk and recommendation that holds at any turn, with
 * its status at each. The page draws it as SVG ({@link TimelineSvg}) with this data as a table beside it, the report
 * as PNG ({@link TimelinePng}); both lay it out with {@link TimelineLayout}.
 *
 * @param columns the start, then each turn
 * @param rows risks first, then recommendations; within each, in the order they first hold, then catalogue order
 */
record Timeline(List<Column> columns, List<Row> rows) {

	Timeline {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/** A column: the start (number 0) or a turn. */
	record Column(int number, String label, String title) {
	}

	record Row(ConclusionDef conclusion, List<Cell> cells) {

		Row {
			cells = List.copyOf(cells);
		}

		public ConclusionKind kind() {
			return this.conclusion.kind();
		}

	}

	/** How a cell differs from the one before it in its row. */
	enum Mark {

		/** As before: still holding, or still not. */
		NONE,
		/** Holds, and did not before this turn. */
		APPEARED,
		/** Held before this turn and does not now. */
		ENDED

	}

	/**
	 * A conclusion's status at a turn.
	 *
	 * @param strength how firmly it holds; {@code null} when it does not
	 */
	record Cell(Strength strength, Mark mark) {

		public boolean holds() {
			return this.strength != null;
		}

		/** The cell's text on the chart, so that colour is never the only cue. */
		public String symbol() {
			if (holds()) {
				return (this.mark == Mark.APPEARED) ? "▲ " + this.strength.label() : this.strength.label();
			}
			return (this.mark == Mark.ENDED) ? "▼ ended" : "–";
		}

		/** The cell in words, for the table and the chart's tooltips. */
		public String words() {
			if (holds()) {
				return (this.mark == Mark.APPEARED) ? this.strength.label() + ", new at this turn"
						: this.strength.label();
			}
			return (this.mark == Mark.ENDED) ? "ended at this turn" : "does not hold";
		}

	}

	static Timeline of(RulePack pack, ExerciseRun run) {
		List<Column> columns = run.steps().stream()
			.map((s) -> new Column(s.number(), s.label(), s.isStart() ? "Start: " + s.title() : s.title()))
			.toList();
		// Each conclusion that holds at some step, with the first step it holds at.
		Map<String, Integer> firstHeld = new LinkedHashMap<>();
		for (ExerciseRun.Step step : run.steps()) {
			step.holding().keySet().forEach((id) -> firstHeld.putIfAbsent(id, step.number()));
		}
		List<String> catalogue = pack.conclusions().stream().map(ConclusionDef::id).toList();
		List<Row> rows = new ArrayList<>();
		firstHeld.keySet().stream()
			.map((id) -> pack.conclusion(id).orElseThrow())
			.sorted(Comparator.comparing(ConclusionDef::kind)
				.thenComparing((ConclusionDef c) -> firstHeld.get(c.id()))
				.thenComparing((ConclusionDef c) -> catalogue.indexOf(c.id())))
			.forEach((c) -> rows.add(new Row(c, cells(c.id(), run.steps()))));
		return new Timeline(columns, rows);
	}

	private static List<Cell> cells(String id, List<ExerciseRun.Step> steps) {
		List<Cell> cells = new ArrayList<>();
		Strength before = null;
		for (ExerciseRun.Step step : steps) {
			Strength now = step.holding().get(id);
			Mark mark = Mark.NONE;
			if (!step.isStart()) {
				if (now != null && before == null) {
					mark = Mark.APPEARED;
				}
				else if (now == null && before != null) {
					mark = Mark.ENDED;
				}
			}
			cells.add(new Cell(now, mark));
			before = now;
		}
		return cells;
	}

	public List<Row> risks() {
		return this.rows.stream().filter((r) -> r.kind() == ConclusionKind.RISK).toList();
	}

	public List<Row> recommendations() {
		return this.rows.stream().filter((r) -> r.kind() == ConclusionKind.RECOMMENDATION).toList();
	}

	/** A sentence saying what the chart shows, for its description and its caption. */
	public String summary() {
		int turns = this.columns.size() - 1;
		return risks().size() + (risks().size() == 1 ? " risk" : " risks") + " and " + recommendations().size()
				+ (recommendations().size() == 1 ? " recommendation" : " recommendations") + " hold at some point, "
				+ "from the start" + ((turns == 0) ? "" : " through " + ((turns == 1) ? "1 turn" : turns + " turns"))
				+ ".";
	}

}
