package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an evaluation against the conclusions a scenario expects, and says, in the terms its author wrote it in
 * (condition and conclusion ids, value ids), which expectations were not met and why: for a conclusion that did not
 * hold, the unmet premises of each rule that could have produced it, following unmet conclusions a few steps down;
 * for one that held, the rules that produced it and what they matched. Used by the scenario files' tests and by
 * batch evaluation, so that both explain a failure in the same words.
 */
public final class ScenarioVerdict {

	/** How many steps down an unmet conclusion is followed before the explanation stops. */
	private static final int WHY_NOT_DEPTH = 3;

	private final RulePack pack;

	private final Evaluation evaluation;

	/** Which way an expectation went wrong. */
	public enum Expected {

		/** Expected to hold, and did not. */
		HOLDS,
		/** Expected to be absent, and held. */
		ABSENT

	}

	/**
	 * An expectation that was not met.
	 *
	 * @param reasons one per rule: for {@link Expected#HOLDS}, the premises each rule that could produce the
	 * conclusion did not meet; for {@link Expected#ABSENT}, what each rule that produced it matched
	 */
	public record Failure(String conclusionId, String title, Expected expected, List<String> reasons) {

		public Failure {
			reasons = List.copyOf(reasons);
		}

		/** The conclusion with its title, as an author recognises it. */
		public String named() {
			return this.conclusionId + " (" + this.title + ")";
		}

		/** The failure in one line. */
		public String message() {
			return named() + ((this.expected == Expected.HOLDS) ? " did not hold: " : " held, but should be absent: ")
					+ String.join("; ", this.reasons);
		}

	}

	private ScenarioVerdict(RulePack pack, Evaluation evaluation) {
		this.pack = pack;
		this.evaluation = evaluation;
	}

	/** Evaluates a scenario: one line per expectation it does not meet; empty when it meets them all. */
	public static List<String> failures(RuleBase ruleBase, Scenario scenario) {
		RulePack pack = ruleBase.pack();
		return check(pack, ruleBase.evaluate(pack.conditionsOf(scenario)), scenario.holds(), scenario.absent())
			.stream().map(Failure::message).toList();
	}

	/**
	 * The expectations an evaluation does not meet, in the order given (those to hold first); empty when it meets
	 * them all. Every id must be a conclusion of the pack.
	 */
	public static List<Failure> check(RulePack pack, Evaluation evaluation, List<String> holds, List<String> absent) {
		return new ScenarioVerdict(pack, evaluation).check(holds, absent);
	}

	private List<Failure> check(List<String> holds, List<String> absent) {
		List<Failure> failures = new ArrayList<>();
		for (String id : holds) {
			if (!this.evaluation.holds(id)) {
				failures.add(new Failure(id, title(id), Expected.HOLDS, whyNot(id, WHY_NOT_DEPTH, new HashSet<>())));
			}
		}
		for (String id : absent) {
			this.evaluation.finding(id).ifPresent((f) -> failures.add(new Failure(id, title(id), Expected.ABSENT,
					f.derivations().stream()
						.map((d) -> d.ruleId() + " produced it from " + d.premises().stream()
							.map(ScenarioVerdict::matched).collect(Collectors.joining(", ")))
						.toList())));
		}
		return failures;
	}

	private String title(String id) {
		return this.pack.conclusion(id).map(ConclusionDef::title)
			.orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a conclusion of this rule pack"));
	}

	private List<String> whyNot(String id, int depth, Set<String> visiting) {
		Evaluation.Absence absence = this.evaluation.absence(id).orElseThrow();
		if (absence.attempts().isEmpty()) {
			return List.of("no rule produces it");
		}
		visiting.add(id);
		List<String> reasons = absence.attempts().stream()
			.map((a) -> a.ruleId() + " needs " + a.unmet().stream().map((p) -> unmet(p, depth, visiting))
				.collect(Collectors.joining(" and ")))
			.toList();
		visiting.remove(id);
		return reasons;
	}

	private String unmet(Evaluation.PremiseCheck check, int depth, Set<String> visiting) {
		Premise p = check.premise();
		if (p.isCondition()) {
			return p.id() + (p.negated() ? " other than " : " ") + String.join(" or ", p.acceptedValues())
					+ ", scenario has " + check.actual();
		}
		if (p.negated()) {
			return p.id() + " not to hold, which it does";
		}
		String text = p.id() + " to hold, which it does not";
		if (depth > 1 && !visiting.contains(p.id())) {
			text += " (" + String.join("; ", whyNot(p.id(), depth - 1, visiting)) + ")";
		}
		return text;
	}

	private static String matched(Evaluation.PremiseCheck check) {
		Premise p = check.premise();
		if (p.isCondition()) {
			return p.id() + " " + check.actual();
		}
		return p.id() + (p.negated() ? " not holding" : " holding");
	}

}
