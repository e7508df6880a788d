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
	 * @param whyNot for {@link Expected#HOLDS}, the same as a tree; {@code null} otherwise
	 */
	public record Failure(String conclusionId, String title, Expected expected, List<String> reasons, WhyNot whyNot) {

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

		/**
		 * The reasons one per line, an unmet conclusion's own reasons indented under the rule that needed it, for a
		 * reader to follow a chain down to the conditions.
		 */
		public List<String> explanation() {
			if (this.whyNot == null) {
				return this.reasons;
			}
			List<String> lines = new ArrayList<>();
			this.whyNot.render(0, lines);
			return lines;
		}

	}

	/** Why a conclusion does not hold: why each rule that could produce it did not fire; none if no rule can. */
	public record WhyNot(List<RuleNotFired> rules) {

		public WhyNot {
			rules = List.copyOf(rules);
		}

		String inline() {
			return this.rules.isEmpty() ? "no rule produces it"
					: this.rules.stream().map(RuleNotFired::inline).collect(Collectors.joining("; "));
		}

		void render(int depth, List<String> lines) {
			String indent = "  ".repeat(depth);
			if (this.rules.isEmpty()) {
				lines.add(indent + "no rule produces it");
			}
			for (RuleNotFired rule : this.rules) {
				List<UnmetPremise> followed = rule.unmet().stream().filter((p) -> p.because() != null).toList();
				lines.add(indent + rule.ruleId() + " needs "
						+ rule.unmet().stream().map(UnmetPremise::text).collect(Collectors.joining(" and "))
						+ (followed.isEmpty() ? "" : ":"));
				for (UnmetPremise premise : followed) {
					// With two unmet conclusions to follow, say which one each explanation is about.
					if (followed.size() > 1) {
						lines.add(indent + "  " + premise.id() + ":");
						premise.because().render(depth + 2, lines);
					}
					else {
						premise.because().render(depth + 1, lines);
					}
				}
			}
		}

	}

	/** A rule that could have produced a conclusion, and the premises it did not meet. */
	public record RuleNotFired(String ruleId, List<UnmetPremise> unmet) {

		public RuleNotFired {
			unmet = List.copyOf(unmet);
		}

		String inline() {
			return this.ruleId + " needs "
					+ this.unmet.stream().map(UnmetPremise::inline).collect(Collectors.joining(" and "));
		}

	}

	/**
	 * A premise not met, in words ({@code oil_price low, scenario has high}). {@code because} follows an unmet
	 * conclusion down; {@code null} where the explanation stops (a condition, a negated conclusion, the depth limit,
	 * a cycle).
	 */
	public record UnmetPremise(String id, String text, WhyNot because) {

		String inline() {
			return (this.because == null) ? this.text : this.text + " (" + this.because.inline() + ")";
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
				WhyNot whyNot = whyNot(id, WHY_NOT_DEPTH, new HashSet<>());
				List<String> reasons = whyNot.rules().isEmpty() ? List.of(whyNot.inline())
						: whyNot.rules().stream().map(RuleNotFired::inline).toList();
				failures.add(new Failure(id, title(id), Expected.HOLDS, reasons, whyNot));
			}
		}
		for (String id : absent) {
			this.evaluation.finding(id).ifPresent((f) -> failures.add(new Failure(id, title(id), Expected.ABSENT,
					f.derivations().stream()
						.map((d) -> d.ruleId() + " produced it from " + d.premises().stream()
							.map(ScenarioVerdict::matched).collect(Collectors.joining(", ")))
						.toList(),
					null)));
		}
		return failures;
	}

	private String title(String id) {
		return this.pack.conclusion(id).map(ConclusionDef::title)
			.orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a conclusion of this rule pack"));
	}

	private WhyNot whyNot(String id, int depth, Set<String> visiting) {
		Evaluation.Absence absence = this.evaluation.absence(id).orElseThrow();
		visiting.add(id);
		List<RuleNotFired> rules = absence.attempts().stream()
			.map((a) -> new RuleNotFired(a.ruleId(), a.unmet().stream().map((p) -> unmet(p, depth, visiting))
				.toList()))
			.toList();
		visiting.remove(id);
		return new WhyNot(rules);
	}

	private UnmetPremise unmet(Evaluation.PremiseCheck check, int depth, Set<String> visiting) {
		Premise p = check.premise();
		if (p.isCondition()) {
			return new UnmetPremise(p.id(), p.id() + (p.negated() ? " other than " : " ")
					+ String.join(" or ", p.acceptedValues()) + ", scenario has " + check.actual(), null);
		}
		if (p.negated()) {
			return new UnmetPremise(p.id(), p.id() + " not to hold, which it does", null);
		}
		WhyNot because = (depth > 1 && !visiting.contains(p.id())) ? whyNot(p.id(), depth - 1, visiting) : null;
		return new UnmetPremise(p.id(), p.id() + " to hold, which it does not", because);
	}

	private static String matched(Evaluation.PremiseCheck check) {
		Premise p = check.premise();
		if (p.isCondition()) {
			return p.id() + " " + check.actual();
		}
		return p.id() + (p.negated() ? " not holding" : " holding");
	}

}
