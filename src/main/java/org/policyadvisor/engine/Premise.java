package org.policyadvisor.engine;

import java.util.List;

/**
 * One pattern of a rule's condition part, read from the DRL: either a condition and the values it tests for, or a
 * conclusion that must hold. {@code negated} turns the test around: the condition must have none of the listed
 * values ({@code !=}, {@code not in}), or the conclusion must not hold ({@code not Concluded}).
 */
public record Premise(Kind kind, String id, boolean negated, List<String> acceptedValues) {

	public enum Kind {

		CONDITION, CONCLUSION

	}

	public Premise {
		acceptedValues = (acceptedValues == null) ? List.of() : List.copyOf(acceptedValues);
	}

	public static Premise condition(String id, List<String> acceptedValues) {
		return new Premise(Kind.CONDITION, id, false, acceptedValues);
	}

	public static Premise conclusion(String id, boolean negated) {
		return new Premise(Kind.CONCLUSION, id, negated, List.of());
	}

	public boolean isCondition() {
		return this.kind == Kind.CONDITION;
	}

	/** Whether this premise holds for the given condition values and the set of conclusions that hold. */
	public boolean holds(java.util.Map<String, String> conditions, java.util.Set<String> concluded) {
		if (isCondition()) {
			return this.acceptedValues.contains(conditions.get(this.id)) != this.negated;
		}
		return concluded.contains(this.id) != this.negated;
	}

}
