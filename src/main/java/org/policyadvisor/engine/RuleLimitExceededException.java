package org.policyadvisor.engine;

/** An evaluation that did not settle within the allowed number of rule firings. */
public class RuleLimitExceededException extends RuntimeException {

	public RuleLimitExceededException(int maxFirings) {
		super("The rules did not settle within " + maxFirings + " firings; the evaluation was stopped.");
	}

}
