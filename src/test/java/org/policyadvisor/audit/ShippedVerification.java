package org.policyadvisor.audit;

import org.policyadvisor.engine.TestPacks;

/**
 * The shipped pack's verification with 500 random scenarios instead of 100,000, computed once per test JVM: the
 * verifier's tests and the page's share it. The full run is {@code verify}'s (docs/verification.md).
 */
final class ShippedVerification {

	static final int RANDOM_SCENARIOS = 500;

	private static VerificationReport report;

	private ShippedVerification() {
	}

	static synchronized VerificationReport report() {
		if (report == null) {
			report = new Verifier(TestPacks.shipped(), Verifier.Settings.DEFAULT.withRandomScenarios(RANDOM_SCENARIOS))
				.verify();
		}
		return report;
	}

}
