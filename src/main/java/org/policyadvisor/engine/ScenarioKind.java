package org.policyadvisor.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a scenario recreates a moment the paper describes or asks what would follow from a change. */
public enum ScenarioKind {

	/** A moment in the paper's account, from Azerbaijan's independence to early 2019. */
	@JsonProperty("historical")
	HISTORICAL("historical"),

	/** A change the paper contemplates, or that tests one of its claims, beyond early 2019. */
	@JsonProperty("what-if")
	WHAT_IF("what-if");

	private final String id;

	ScenarioKind(String id) {
		this.id = id;
	}

	/** The word scenario files use for this kind. */
	public String id() {
		return this.id;
	}

}
