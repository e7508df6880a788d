package org.policyadvisor.engine;

public enum ConclusionKind {

	/** An intermediate effect that other rules build on. */
	EFFECT,
	/** A risk the paper warns of. */
	RISK,
	/** Something the paper recommends to an audience. */
	RECOMMENDATION,
	/**
	 * A belief or claim the paper disputes. It holds when the user's conditions express that belief; its explanation
	 * says why the paper disagrees.
	 */
	DISPUTED

}
