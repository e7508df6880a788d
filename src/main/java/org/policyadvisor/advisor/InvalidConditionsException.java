package org.policyadvisor.advisor;

import java.util.Map;

/** Condition values the API cannot evaluate, each with a message. */
class InvalidConditionsException extends RuntimeException {

	private final Map<String, String> errors;

	InvalidConditionsException(Map<String, String> errors) {
		super("Invalid conditions: " + errors.keySet());
		this.errors = Map.copyOf(errors);
	}

	Map<String, String> errors() {
		return this.errors;
	}

}
