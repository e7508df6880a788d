package org.policyadvisor.engine;

import com.fasterxml.jackson.annotation.JsonCreator;

/** One allowed answer to a condition; the catalogue may give it as a bare id or with a label. */
public record ConditionValue(String id, String label) {

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public ConditionValue {
		if (label == null || label.isBlank()) {
			label = humanize(id);
		}
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ConditionValue of(String id) {
		return new ConditionValue(id, null);
	}

	static String humanize(String id) {
		if (id == null || id.isEmpty()) {
			return id;
		}
		String spaced = id.replace('_', ' ');
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
