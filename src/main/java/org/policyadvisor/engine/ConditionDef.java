package org.policyadvisor.engine;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A question of the form. {@code defaultValue} is the situation the paper describes as of early 2019.
 */
public record ConditionDef(String id, String theme, String question, ConditionType type,
		List<ConditionValue> values, @JsonProperty("default") String defaultValue, String help, String source) {

	public static final List<ConditionValue> BOOLEAN_VALUES = List.of(new ConditionValue("true", "Yes"),
			new ConditionValue("false", "No"));

	public ConditionDef {
		if (type == ConditionType.BOOLEAN && (values == null || values.isEmpty())) {
			values = BOOLEAN_VALUES;
		}
		values = (values == null) ? List.of() : List.copyOf(values);
	}

	// Loops rather than streams: every premise of every explanation asks for labels.
	public boolean allows(String value) {
		for (ConditionValue v : this.values) {
			if (v.id().equals(value)) {
				return true;
			}
		}
		return false;
	}

	public String labelOf(String value) {
		for (ConditionValue v : this.values) {
			if (v.id().equals(value)) {
				return v.label();
			}
		}
		return value;
	}

	public List<String> valueIds() {
		return this.values.stream().map(ConditionValue::id).toList();
	}

}
