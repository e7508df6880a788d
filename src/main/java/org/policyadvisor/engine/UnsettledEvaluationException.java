package org.policyadvisor.engine;

import java.time.Duration;
import java.util.List;

/**
 * An evaluation that did not reach a consistent end state: the rules kept firing past the limit or past the time
 * allowed, or they contradict each other for these conditions (a rule whose premises all hold, yet what it concludes
 * does not).
 */
public class UnsettledEvaluationException extends RuntimeException {

	private final boolean timedOut;

	UnsettledEvaluationException(String message) {
		this(message, false);
	}

	private UnsettledEvaluationException(String message, boolean timedOut) {
		super(message);
		this.timedOut = timedOut;
	}

	static UnsettledEvaluationException timedOut(Duration limit, int firings) {
		return new UnsettledEvaluationException("The rules did not settle within " + format(limit)
				+ "; the evaluation was stopped after " + firings + " firings.", true);
	}

	/**
	 * Whether the evaluation was stopped by the time limit. Unlike the other reasons, that depends on the machine (its
	 * speed, and to a lesser degree what else it runs) as well as on the conditions, so it is not remembered.
	 */
	public boolean timedOut() {
		return this.timedOut;
	}

	static String limitReachedMessage(int maxFirings) {
		return "The rules did not settle within " + maxFirings + " firings; the evaluation was stopped.";
	}

	static String contradictionMessage(List<String> ruleIds) {
		return "The rules contradict each other for these conditions: " + String.join(", ", ruleIds)
				+ " should hold but cannot; the rule pack needs correcting.";
	}

	/** "2 s", "200 ms", "1.5 s": as a person would write the limit. */
	static String format(Duration limit) {
		long millis = limit.toMillis();
		if (millis == 0) {
			return (limit.toNanos() / 1000) + " µs";
		}
		if (millis < 1000) {
			return millis + " ms";
		}
		return ((millis % 1000 == 0) ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
	}

}
