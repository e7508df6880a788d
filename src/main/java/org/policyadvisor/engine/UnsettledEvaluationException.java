package org.policyadvisor.engine;

import java.util.List;

/**
 * An evaluation that did not reach a consistent end state: the rules kept firing past the limit, or they contradict
 * each other for these conditions (a rule whose premises all hold, yet what it concludes does not).
 */
public class UnsettledEvaluationException extends RuntimeException {

	UnsettledEvaluationException(String message) {
		super(message);
	}

	static String limitReachedMessage(int maxFirings) {
		return "The rules did not settle within " + maxFirings + " firings; the evaluation was stopped.";
	}

	static String contradictionMessage(List<String> ruleIds) {
		return "The rules contradict each other for these conditions: " + String.join(", ", ruleIds)
				+ " should hold but cannot; the rule pack needs correcting.";
	}

}
