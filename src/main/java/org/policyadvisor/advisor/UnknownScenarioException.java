package org.policyadvisor.advisor;

/** An API request named a scenario the pack does not have. The message is for the client, naming the id given. */
class UnknownScenarioException extends RuntimeException {

	UnknownScenarioException(String id) {
		super("'" + ((id.length() > 60) ? id.substring(0, 57) + "..." : id) + "' is not a scenario of this rule pack.");
	}

}
