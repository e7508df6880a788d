package org.policyadvisor.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one evaluation: the conditions used, every conclusion that holds with how it was derived, and for
 * every conclusion that does not hold, which premises of its rules were unmet.
 *
 * @param conditions every condition of the pack with the value used
 * @param findings the conclusions that hold, in catalogue order
 * @param absences the conclusions that do not hold, in catalogue order
 * @param firings how many rule firings the evaluation took
 */
public record Evaluation(Map<String, String> conditions, List<Finding> findings, List<Absence> absences,
		int firings) {

	/**
	 * A conclusion that holds. {@code strength} is that of its strongest derivation.
	 */
	public record Finding(String conclusionId, Strength strength, List<Derivation> derivations) {
	}

	/**
	 * One way a conclusion was reached: the rule that fired and the facts it matched. {@code strength} is the
	 * weakest link of the chain, from this rule down to the user's conditions.
	 */
	public record Derivation(String ruleId, Strength strength, List<PremiseCheck> premises) {
	}

	/**
	 * A premise of a rule, checked against this evaluation. {@code actual} is the condition's value, or whether the
	 * conclusion holds ("holds" / "does not hold").
	 */
	public record PremiseCheck(Premise premise, String actual, boolean met) {
	}

	/** A conclusion that does not hold, and why each rule that could produce it did not fire. */
	public record Absence(String conclusionId, List<Attempt> attempts) {
	}

	/** A rule that could have produced a conclusion, with its premises checked. */
	public record Attempt(String ruleId, List<PremiseCheck> premises) {

		public List<PremiseCheck> unmet() {
			return this.premises.stream().filter((p) -> !p.met()).toList();
		}

	}

	public boolean holds(String conclusionId) {
		return finding(conclusionId).isPresent();
	}

	public Optional<Finding> finding(String conclusionId) {
		for (Finding f : this.findings) {
			if (f.conclusionId().equals(conclusionId)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

	public Optional<Absence> absence(String conclusionId) {
		for (Absence a : this.absences) {
			if (a.conclusionId().equals(conclusionId)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/** The ids of the rules whose derivations support a conclusion that holds. */
	public List<String> firedRules() {
		return this.findings.stream().flatMap((f) -> f.derivations().stream()).map(Derivation::ruleId).distinct()
			.sorted().toList();
	}

}
