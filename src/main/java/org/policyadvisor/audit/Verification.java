package org.policyadvisor.audit;

import java.util.function.Supplier;

import org.policyadvisor.engine.RuleBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The verification of the served rule base, computed once, on first use, and kept: it is a pure function of the
 * rule base, which does not change while the application runs, and it takes seconds, so it is neither repeated per
 * request nor run in a constructor, where it would slow start-up.
 */
@Component
public class Verification {

	private final Supplier<VerificationReport> verifier;

	private volatile VerificationReport report;

	@Autowired
	Verification(RuleBase ruleBase, AuditProperties properties) {
		this(ruleBase, properties.settings());
	}

	Verification(RuleBase ruleBase, Verifier.Settings settings) {
		this(() -> new Verifier(ruleBase, settings).verify());
	}

	/** {@code verifier} runs once, on the first call of {@link #report()}. */
	Verification(Supplier<VerificationReport> verifier) {
		this.verifier = verifier;
	}

	/** The report; the first caller computes it while any others wait for the same result. */
	public VerificationReport report() {
		VerificationReport computed = this.report;
		if (computed == null) {
			synchronized (this) {
				computed = this.report;
				if (computed == null) {
					computed = this.verifier.get();
					this.report = computed;
				}
			}
		}
		return computed;
	}

}
