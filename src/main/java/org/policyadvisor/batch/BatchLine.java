package org.policyadvisor.batch;

import java.util.List;
import java.util.Map;

/**
 * One scenario as read from a batch file, before it is checked against the rule pack.
 *
 * @param line where it starts in the file, counting from 1
 * @param id the scenario's id in the file; {@code line-<n>} when the file gives none
 * @param scenario the id of a pack scenario whose conditions are the base; may be {@code null}
 * @param conditions condition values as given, by condition id; the others take their defaults
 * @param holds conclusions expected to hold
 * @param absent conclusions expected not to hold
 * @param problems what the reader already found wrong with the line (malformed, wrong types)
 * @param fields how the file's format names the line's fields, for messages
 */
record BatchLine(int line, String id, String scenario, Map<String, String> conditions, List<String> holds,
		List<String> absent, List<Problem> problems, Fields fields) {

	BatchLine {
		conditions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
		holds = List.copyOf(holds);
		absent = List.copyOf(absent);
		problems = List.copyOf(problems);
	}

	/** A line that could not be read at all. */
	static BatchLine unreadable(int line, String id, Fields fields, Problem problem) {
		return new BatchLine(line, id, null, Map.of(), List.of(), List.of(), List.of(problem), fields);
	}

	static String defaultId(int line) {
		return "line-" + line;
	}

	/**
	 * Something wrong with one field of a line.
	 *
	 * @param field the field as the file names it ({@code conditions.oil_price}, {@code expect_holds}); {@code null}
	 * for the line as a whole
	 */
	record Problem(String field, String message) {

		@Override
		public String toString() {
			return (this.field != null) ? this.field + ": " + this.message : this.message;
		}

	}

	/** How a format names the fields of a line. */
	record Fields(String scenario, String conditionPrefix, String holds, String absent) {

		static final Fields JSON = new Fields("scenario", "conditions.", "expect.holds", "expect.absent");

		static final Fields CSV = new Fields("scenario", "", "expect_holds", "expect_absent");

		String condition(String id) {
			return this.conditionPrefix + id;
		}

	}

}
