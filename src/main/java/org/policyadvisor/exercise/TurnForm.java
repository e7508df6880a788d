package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;

/**
 * The form that adds a turn: a title and a fixed number of inject rows, each a change (one condition set to one
 * value, chosen from a single list, so no script is needed to match values to conditions) and a note. Empty rows are
 * ignored; "Add another inject" asks for one row more, keeping what was typed.
 * <p>
 * Read from the request's parameters by name, for rows 0 to {@link #MAX_INJECTS} − 1 only, so that no number of
 * posted rows can make it grow.
 *
 * @param rows the rows shown, at least {@link #DEFAULT_ROWS}
 */
record TurnForm(String title, List<Row> rows) {

	static final int MAX_INJECTS = 10;

	static final int DEFAULT_ROWS = 3;

	static final int TITLE_MAX = 120;

	static final int NOTE_MAX = 300;

	/** Enough for an exercise of several days; a bound keeps a page and its chart a readable size. */
	static final int MAX_TURNS = 50;

	static final String TITLE = "turn-title";

	static final String ROWS = "rows";

	/** The field id of the first row's change, where the summary sends a user told to add an inject. */
	static final String INJECTS = "inject-0-change";

	/** Separates the condition from the value in a change's option value, e.g. {@code oil_price=low}. */
	static final char SEPARATOR = '=';

	/** One inject row as typed: {@code change} is an option value ({@code oil_price=low}) or empty. */
	record Row(String change, String note) {

		public boolean isEmpty() {
			return this.change.isEmpty() && this.note.isEmpty();
		}

		public String conditionId() {
			int at = this.change.indexOf(SEPARATOR);
			return (at < 0) ? this.change : this.change.substring(0, at);
		}

		public String value() {
			int at = this.change.indexOf(SEPARATOR);
			return (at < 0) ? "" : this.change.substring(at + 1);
		}

	}

	static TurnForm blank() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < DEFAULT_ROWS; i++) {
			rows.add(new Row("", ""));
		}
		return new TurnForm("", rows);
	}

	static String changeField(int row) {
		return "inject-" + row + "-change";
	}

	static String noteField(int row) {
		return "inject-" + row + "-note";
	}

	static TurnForm from(Map<String, String> params) {
		int shown = DEFAULT_ROWS;
		try {
			shown = Integer.parseInt(params.getOrDefault(ROWS, "").strip());
		}
		catch (NumberFormatException ex) {
			// The hidden count was tampered with or lost; the rows typed into are still read below.
		}
		List<Row> rows = new ArrayList<>();
		int lastTyped = -1;
		for (int i = 0; i < MAX_INJECTS; i++) {
			Row row = new Row(FormText.clean(params.get(changeField(i)), false),
					FormText.clean(params.get(noteField(i)), false));
			rows.add(row);
			if (!row.isEmpty()) {
				lastTyped = i;
			}
		}
		int count = Math.min(MAX_INJECTS, Math.max(Math.max(DEFAULT_ROWS, shown), lastTyped + 1));
		return new TurnForm(FormText.clean(params.get(TITLE), false), rows.subList(0, count));
	}

	/** The same form with one more row, up to {@link #MAX_INJECTS}. */
	TurnForm withAnotherRow() {
		if (this.rows.size() >= MAX_INJECTS) {
			return this;
		}
		List<Row> more = new ArrayList<>(this.rows);
		more.add(new Row("", ""));
		return new TurnForm(this.title, more);
	}

	public boolean canAddRow() {
		return this.rows.size() < MAX_INJECTS;
	}

	/**
	 * A message per field with a problem, by the field's id; empty when the turn can be stored.
	 *
	 * @param current the conditions before this turn
	 * @param turns how many turns the exercise has
	 */
	Map<String, String> errors(RulePack pack, Map<String, String> current, int turns) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (turns >= MAX_TURNS) {
			errors.put(TITLE, "This exercise has " + turns + " turns, the most it can have. Start a new exercise "
					+ "to go on.");
		}
		else if (this.title.isEmpty()) {
			errors.put(TITLE, "Give the turn a title, e.g. “Day 2: protests in Baku”.");
		}
		else if (this.title.length() > TITLE_MAX) {
			errors.put(TITLE, FormText.tooLong("The turn's title", TITLE_MAX, this.title));
		}
		Map<String, Integer> firstRowOf = new HashMap<>();
		boolean any = false;
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			if (row.isEmpty()) {
				continue;
			}
			any = true;
			if (row.note().length() > NOTE_MAX) {
				errors.put(noteField(i), FormText.tooLong("A note", NOTE_MAX, row.note()));
			}
			if (row.change().isEmpty()) {
				errors.put(changeField(i), "Choose the change this note is about, or clear the note.");
				continue;
			}
			Optional<ConditionDef> def = pack.condition(row.conditionId());
			if (def.isEmpty() || !def.get().allows(row.value())) {
				errors.put(changeField(i), "Choose a change from the list.");
				continue;
			}
			if (row.value().equals(current.get(row.conditionId()))) {
				errors.put(changeField(i), "“" + def.get().question() + "” is already “"
						+ def.get().labelOf(row.value()) + "” at this point; choose another value.");
				continue;
			}
			Integer first = firstRowOf.putIfAbsent(row.conditionId(), i);
			if (first != null) {
				errors.put(changeField(i), "Inject " + (first + 1) + " already changes “" + def.get().question()
						+ "”; a turn changes each condition once.");
			}
		}
		if (!any) {
			errors.put(INJECTS, "Add at least one inject: choose a change in one of the rows.");
		}
		return errors;
	}

	/** The injects of the rows typed into, in order; only meaningful once {@link #errors} is empty. */
	List<Exercise.Inject> injects() {
		return this.rows.stream().filter((r) -> !r.isEmpty())
			.map((r) -> new Exercise.Inject(r.conditionId(), r.value(), r.note()))
			.toList();
	}

	/** The conditions after this turn's injects. */
	Map<String, String> applyTo(Map<String, String> current) {
		Map<String, String> next = new LinkedHashMap<>(current);
		injects().forEach((inject) -> next.put(inject.conditionId(), inject.value()));
		return next;
	}

}
