package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The evaluation as RuleBase did it before the performance work (commit 18cd58f), on the same compiled rules, so
 * that the suite measures before and after in one run: a new session with a firing listener per evaluation, the
 * conditions copied into a map and checked value by value, the fixpoint checked with streams over every rule, and
 * the explanation built from the rules that fired. {@link #conclusions} used pooled sessions already.
 */
final class LegacyEvaluation {

	private final RulePack pack;

	private final KieBase kieBase;

	private final int maxFirings;

	private final KieSessionsPool pool;

	LegacyEvaluation(RuleBase ruleBase, int maxFirings) {
		this.pack = ruleBase.pack();
		this.kieBase = ruleBase.kieBase();
		this.maxFirings = maxFirings;
		this.pool = this.kieBase.newKieSessionsPool(2);
	}

	Evaluation evaluate(Map<String, String> conditions) {
		Map<String, String> values = complete(conditions);
		Set<String> matched = new LinkedHashSet<>();
		Run run = run(values, matched);
		requireConsistent(values, run.concluded());
		return explain(values, matched, run.concluded(), run.firings());
	}

	Set<String> conclusions(Map<String, String> conditions) {
		Map<String, String> values = complete(conditions);
		Set<String> concluded = run(values, null).concluded();
		requireConsistent(values, concluded);
		return concluded;
	}

	private Map<String, String> complete(Map<String, String> conditions) {
		Map<String, String> values = new LinkedHashMap<>();
		for (ConditionDef def : this.pack.conditions()) {
			String value = conditions.get(def.id());
			if (!def.allows(value)) {
				throw new IllegalArgumentException("condition '" + def.id() + "' has no valid value: " + value);
			}
			values.put(def.id(), value);
		}
		return values;
	}

	private record Run(Set<String> concluded, int firings) {
	}

	private Run run(Map<String, String> values, Set<String> matched) {
		Set<String> concluded = new HashSet<>();
		int fired;
		try (KieSession session = (matched != null) ? this.kieBase.newKieSession() : this.pool.newKieSession()) {
			if (matched != null) {
				session.addEventListener(new DefaultAgendaEventListener() {
					@Override
					public void afterMatchFired(AfterMatchFiredEvent event) {
						matched.add(event.getMatch().getRule().getName());
					}
				});
			}
			values.forEach((id, value) -> session.insert(new Condition(id, value)));
			fired = session.fireAllRules(this.maxFirings);
			if (fired >= this.maxFirings) {
				throw new UnsettledEvaluationException(UnsettledEvaluationException.limitReachedMessage(this.maxFirings));
			}
			Collection<?> facts = session.getObjects((o) -> o instanceof Concluded);
			facts.forEach((f) -> concluded.add(((Concluded) f).id()));
		}
		return new Run(concluded, fired);
	}

	private void requireConsistent(Map<String, String> values, Set<String> concluded) {
		List<String> broken = this.pack.rules().stream()
			.filter((r) -> r.premises().stream().allMatch((p) -> p.holds(values, concluded))
					&& !concluded.containsAll(r.produces()))
			.map(RuleDef::id)
			.toList();
		if (!broken.isEmpty()) {
			throw new UnsettledEvaluationException(UnsettledEvaluationException.contradictionMessage(broken));
		}
	}

	private Evaluation explain(Map<String, String> values, Set<String> matched, Set<String> concluded, int fired) {
		Map<String, List<RuleDef>> supporting = new HashMap<>();
		for (String name : matched) {
			RuleDef rule = this.pack.ruleNamed(name).orElseThrow();
			boolean stillHolds = rule.premises().stream().allMatch((p) -> p.holds(values, concluded));
			if (stillHolds) {
				for (String id : rule.produces()) {
					supporting.computeIfAbsent(id, (k) -> new ArrayList<>()).add(rule);
				}
			}
		}
		Map<String, Strength> strengths = new Strengths().of(supporting);
		List<Evaluation.Finding> findings = new ArrayList<>();
		List<Evaluation.Absence> absences = new ArrayList<>();
		for (ConclusionDef c : this.pack.conclusions()) {
			if (concluded.contains(c.id()) && supporting.containsKey(c.id())) {
				List<Evaluation.Derivation> derivations = supporting.get(c.id()).stream()
					.map((r) -> new Evaluation.Derivation(r.id(), chain(r, strengths), checks(r, values, concluded)))
					.sorted((a, b) -> b.strength().compareTo(a.strength()))
					.toList();
				findings.add(new Evaluation.Finding(c.id(), strengths.get(c.id()), derivations));
			}
			else {
				List<Evaluation.Attempt> attempts = this.pack.rulesProducing(c.id()).stream()
					.map((r) -> new Evaluation.Attempt(r.id(), checks(r, values, concluded)))
					.toList();
				absences.add(new Evaluation.Absence(c.id(), attempts));
			}
		}
		return new Evaluation(values, findings, absences, fired);
	}

	private static Strength chain(RuleDef rule, Map<String, Strength> strengths) {
		Strength s = rule.strength();
		for (Premise p : rule.premises()) {
			if (!p.isCondition() && !p.negated() && strengths.containsKey(p.id())) {
				s = s.weakest(strengths.get(p.id()));
			}
		}
		return s;
	}

	private static List<Evaluation.PremiseCheck> checks(RuleDef rule, Map<String, String> values,
			Set<String> concluded) {
		return rule.premises().stream().map((p) -> new Evaluation.PremiseCheck(p,
				p.isCondition() ? values.get(p.id()) : (concluded.contains(p.id()) ? "holds" : "does not hold"),
				p.holds(values, concluded))).toList();
	}

	private static final class Strengths {

		private final Map<String, Strength> memo = new HashMap<>();

		private final Set<String> inProgress = new HashSet<>();

		Map<String, Strength> of(Map<String, List<RuleDef>> supporting) {
			supporting.keySet().forEach((id) -> strength(id, supporting));
			return this.memo;
		}

		private Strength strength(String id, Map<String, List<RuleDef>> supporting) {
			if (this.memo.containsKey(id)) {
				return this.memo.get(id);
			}
			if (!this.inProgress.add(id)) {
				return null;
			}
			Strength best = null;
			for (RuleDef rule : supporting.getOrDefault(id, List.of())) {
				Strength chain = rule.strength();
				for (Premise p : rule.premises()) {
					if (!p.isCondition() && !p.negated()) {
						Strength sub = strength(p.id(), supporting);
						chain = (sub == null) ? null : chain.weakest(sub);
					}
					if (chain == null) {
						break;
					}
				}
				if (chain != null && (best == null || chain.compareTo(best) > 0)) {
					best = chain;
				}
			}
			this.inProgress.remove(id);
			if (best != null) {
				this.memo.put(id, best);
			}
			return best;
		}

	}

}
