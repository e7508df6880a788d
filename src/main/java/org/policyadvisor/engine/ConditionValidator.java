package org.policyadvisor.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks user-supplied condition values against a pack's catalogue and fills in the defaults of those omitted.
 */
public final class ConditionValidator {

	private ConditionValidator() {
	}

	/** The outcome: the complete set of values when {@code errors} is empty, else a message per bad field. */
	public record Result(Map<String, String> values, Map<String, String> errors) {

		public boolean valid() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * @param given values by condition id; {@code null} or absent means "take the default"
	 * @param rejectUnknown whether ids that are not conditions of the pack are errors (the API) or ignored (a web
	 * form's query string may carry other parameters)
	 */
	public static Result validate(RulePack pack, Map<String, String> given, boolean rejectUnknown) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConditionDef def : pack.conditions()) {
			String value = given.get(def.id());
			if (value == null) {
				values.put(def.id(), def.defaultValue());
			}
			else if (def.allows(value.trim())) {
				values.put(def.id(), value.trim());
			}
			else {
				errors.put(def.id(), describeAllowed(def, value));
			}
		}
		if (rejectUnknown) {
			given.keySet().stream().filter((id) -> pack.condition(id).isEmpty())
				.forEach((id) -> errors.put(id, "'" + abbreviate(id) + "' is not a condition of this rule pack."));
		}
		return new Result(values, errors);
	}

	private static String describeAllowed(ConditionDef def, String value) {
		String shown = value.isBlank() ? "an empty value" : "'" + abbreviate(value) + "'";
		return "Choose one of " + String.join(", ", def.valueIds()) + " (got " + shown + ").";
	}

	private static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
