package org.policyadvisor.saved;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;

/**
 * What the save and edit forms post: a name, notes and the answers to the conditions form, checked. On a problem the
 * form is shown again with everything as typed, so nothing the user entered is lost.
 *
 * @param errors messages for {@code name} and {@code notes}; the conditions' own are in {@code conditions}
 */
record ScenarioSubmission(String name, String notes, ConditionValidator.Result conditions,
		Map<String, String> errors) {

	static final String NAME = "name";

	static final String NOTES = "notes";

	/** The form fields that are not conditions (the pack may not name a condition after them). */
	private static final Set<String> OWN_FIELDS = Set.of(NAME, NOTES, "_csrf");

	static ScenarioSubmission of(RulePack pack, Map<String, String> params) {
		String name = params.getOrDefault(NAME, "").strip();
		// Browsers send a textarea's line breaks as CRLF but count them as one character against maxlength.
		String notes = params.getOrDefault(NOTES, "").replace("\r\n", "\n").strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isEmpty()) {
			errors.put(NAME, "Enter a name for the scenario.");
		}
		else if (name.length() > SavedScenario.MAX_NAME) {
			errors.put(NAME, "The name must be " + SavedScenario.MAX_NAME + " characters or fewer (it has "
					+ name.length() + ").");
		}
		if (notes.length() > SavedScenario.MAX_NOTES) {
			errors.put(NOTES, String.format("The notes must be %,d characters or fewer (they have %,d).",
					SavedScenario.MAX_NOTES, notes.length()));
		}
		Map<String, String> given = new LinkedHashMap<>(params);
		given.keySet().removeAll(OWN_FIELDS);
		// Like the advisor's form, other parameters are ignored rather than refused: only the answers are checked.
		return new ScenarioSubmission(name, notes, ConditionValidator.validate(pack, given, false),
				java.util.Collections.unmodifiableMap(errors));
	}

	/** A form pre-filled with a scenario's name, notes and conditions, before anything is submitted. */
	static ScenarioSubmission prefilled(String name, String notes, ConditionValidator.Result conditions) {
		return new ScenarioSubmission(name, notes, conditions, Map.of());
	}

	public boolean valid() {
		return this.errors.isEmpty() && this.conditions.valid();
	}

	public int errorCount() {
		return this.errors.size() + this.conditions.errors().size();
	}

}
