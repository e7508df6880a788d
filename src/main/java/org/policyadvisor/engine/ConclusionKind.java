package org.policyadvisor.engine;

public enum ConclusionKind {

	/** An intermediate effect that other rules build on. */
	EFFECT,
	/** A risk the paper warns of. */
	RISK,
	/** Something the paper recommends to an audience. */
	RECOMMENDATION

}
