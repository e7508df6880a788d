package org.policyadvisor.engine;

public enum ConditionType {

	/** Yes or no. */
	BOOLEAN,
	/** A small ordered scale such as low, medium, high. */
	SCALE,
	/** A small set of named, unordered positions. */
	STANCE

}
