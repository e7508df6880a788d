package org.policyadvisor.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

/**
 * Evaluates a scenario and says, in the terms its author wrote it in (condition and conclusion ids, value ids),
 * which of its expectations were not met and why: for a conclusion that did not hold, the unmet premises of each rule
 * that could have produced it, following unmet conclusions a few steps down; for one that held, the rules that
 * produced it and what they matched.
 */
final class ScenarioVerdict {

	/** How many steps down an unmet conclusion is followed before the explanation stops. */
	private static final int WHY_NOT_DEPTH = 3;

	private final RulePack pack;

	private final Evaluation evaluation;

	private ScenarioVerdict(RulePack pack, Evaluation evaluation) {
		this.pack = pack;
		this.evaluation = evaluation;
	}

	/** One line per expectation the scenario does not meet; empty when it meets them all. */
	static List<String> failures(RuleBase ruleBase, Scenario scenario) {
		RulePack pack = ruleBase.pack();
		return new ScenarioVerdict(pack, ruleBase.evaluate(pack.conditionsOf(scenario))).failures(scenario);
	}

	private List<String> failures(Scenario scenario) {
		List<String> failures = new ArrayList<>();
		for (String id : scenario.holds()) {
			if (!this.evaluation.holds(id)) {
				failures.add(named(id) + " did not hold: " + whyNot(id, WHY_NOT_DEPTH, new HashSet<>()));
			}
		}
		for (String id : scenario.absent()) {
			this.evaluation.finding(id).ifPresent((f) -> failures.add(named(id) + " held, but should be absent: "
					+ f.derivations().stream()
						.map((d) -> d.ruleId() + " produced it from " + d.premises().stream()
							.map(ScenarioVerdict::matched).collect(Collectors.joining(", ")))
						.collect(Collectors.joining("; "))));
		}
		return failures;
	}

	private String named(String id) {
		return id + " (" + this.pack.conclusion(id).map(ConclusionDef::title).orElse("?") + ")";
	}

	private String whyNot(String id, int depth, Set<String> visiting) {
		Evaluation.Absence absence = this.evaluation.absence(id).orElseThrow();
		if (absence.attempts().isEmpty()) {
			return "no rule produces it";
		}
		visiting.add(id);
		String reasons = absence.attempts().stream()
			.map((a) -> a.ruleId() + " needs " + a.unmet().stream().map((p) -> unmet(p, depth, visiting))
				.collect(Collectors.joining(" and ")))
			.collect(Collectors.joining("; "));
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
			text += " (" + whyNot(p.id(), depth - 1, visiting) + ")";
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
