package org.policyadvisor.whatif;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.UnsettledEvaluationException;
import org.policyadvisor.whatif.WhatIf.Change;

import org.springframework.stereotype.Service;

/**
 * For a set of conditions, the smallest changes that make each risk and recommendation appear or disappear, found
 * by running the rules on the changed conditions, never read off the rule text.
 * <p>
 * Every single change of every condition is run: that is what the ranking of conditions needs, and it is cheap (one
 * run per other value of each condition). Pairs are run only for the conclusions no single change flips, and only
 * among the conditions those conclusions depend on (their backward cone through the rules): a condition no rule
 * behind a conclusion reads cannot change it, with or without a partner. A changed scenario that several
 * conclusions share is run once.
 */
@Service
public class WhatIfAnalysis {

	/**
	 * The outcome of a changed scenario whose rules did not settle, told apart by identity: an empty set of its own,
	 * never equal by reference to what the engine returns.
	 */
	private static final Set<String> UNSETTLED = Collections.unmodifiableSet(new java.util.HashSet<>());

	private final RuleBase ruleBase;

	private final RulePack pack;

	/** For each risk and recommendation, the indexes (in {@link RulePack#conditions()}) of the conditions it depends on. */
	private final Map<String, List<Integer>> cones;

	public WhatIfAnalysis(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
		this.pack = ruleBase.pack();
		Map<String, Integer> index = new HashMap<>();
		List<ConditionDef> conditions = this.pack.conditions();
		for (int i = 0; i < conditions.size(); i++) {
			index.put(conditions.get(i).id(), i);
		}
		Map<String, List<Integer>> cones = new HashMap<>();
		for (ConclusionDef c : targets(this.pack)) {
			cones.put(c.id(), cone(this.pack, c.id()).stream().map(index::get).sorted().toList());
		}
		this.cones = cones;
	}

	private static List<ConclusionDef> targets(RulePack pack) {
		return pack.conclusions().stream()
			.filter((c) -> c.kind() == ConclusionKind.RISK || c.kind() == ConclusionKind.RECOMMENDATION)
			.toList();
	}

	/**
	 * The conditions a conclusion depends on: those read by the rules producing it, and, through the conclusions
	 * those rules read (negated or not), by the rules producing them, and so on.
	 */
	static Set<String> cone(RulePack pack, String conclusionId) {
		Set<String> conditions = new LinkedHashSet<>();
		Set<String> seen = new java.util.HashSet<>();
		java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(conclusionId));
		while (!todo.isEmpty()) {
			String id = todo.pop();
			if (!seen.add(id)) {
				continue;
			}
			for (RuleDef rule : pack.rulesProducing(id)) {
				for (Premise p : rule.premises()) {
					if (p.isCondition()) {
						conditions.add(p.id());
					}
					else {
						todo.push(p.id());
					}
				}
			}
		}
		return conditions;
	}

	/** The conditions the risk or recommendation depends on; empty for other conclusions. */
	public Set<String> coneOf(String conclusionId) {
		List<ConditionDef> conditions = this.pack.conditions();
		Set<String> ids = new LinkedHashSet<>();
		this.cones.getOrDefault(conclusionId, List.of()).forEach((i) -> ids.add(conditions.get(i).id()));
		return ids;
	}

	/**
	 * Analyses a complete, valid set of conditions (see {@code ConditionValidator}).
	 * @throws UnsettledEvaluationException when the rules do not settle for the conditions as given
	 */
	public WhatIf analyse(Map<String, String> conditions) {
		long start = System.nanoTime();
		Run run = new Run(complete(conditions));
		Set<String> now = this.ruleBase.conclusions(run.values);
		run.evaluations++;

		List<ConditionDef> defs = this.pack.conditions();
		// Every single change, in catalogue order: the pack's conditions, each of its other values.
		List<List<Change>> singles = new ArrayList<>();
		for (int i = 0; i < defs.size(); i++) {
			for (String value : defs.get(i).valueIds()) {
				if (!value.equals(run.values.get(defs.get(i).id()))) {
					singles.add(List.of(change(run, i, value)));
				}
			}
		}
		run.evaluateAll(singles);
		run.singleChanges = singles.size();

		List<ConclusionDef> targets = targets(this.pack);
		Map<String, List<List<Change>>> singleFlips = new LinkedHashMap<>();
		List<ConclusionDef> needPairs = new ArrayList<>();
		for (ConclusionDef c : targets) {
			List<List<Change>> flips = singles.stream().filter((s) -> run.flips(s, c.id(), now)).toList();
			singleFlips.put(c.id(), flips);
			if (flips.isEmpty()) {
				needPairs.add(c);
			}
		}

		// The pairs of every conclusion that needs them, gathered first so that each distinct pair runs once.
		Map<String, List<List<Change>>> candidates = new LinkedHashMap<>();
		Set<List<Change>> distinct = new LinkedHashSet<>();
		for (ConclusionDef c : needPairs) {
			List<List<Change>> pairs = pairsWithin(run, this.cones.get(c.id()));
			candidates.put(c.id(), pairs);
			distinct.addAll(pairs);
		}
		List<List<Change>> toRun = distinct.stream().filter((p) -> !run.outcomes.containsKey(p)).toList();
		run.evaluateAll(toRun);
		run.pairs = toRun.size();

		List<WhatIf.Outlook> risks = new ArrayList<>();
		List<WhatIf.Outlook> recommendations = new ArrayList<>();
		for (ConclusionDef c : targets) {
			boolean holds = now.contains(c.id());
			List<List<Change>> flips = singleFlips.get(c.id());
			int needed = 1;
			int found = flips.size();
			List<List<Change>> listed = flips;
			if (flips.isEmpty()) {
				List<List<Change>> pairFlips = candidates.get(c.id()).stream()
					.filter((p) -> run.flips(p, c.id(), now))
					.toList();
				needed = pairFlips.isEmpty() ? 0 : 2;
				found = pairFlips.size();
				listed = pairFlips.subList(0, Math.min(WhatIf.PAIRS_LISTED, pairFlips.size()));
			}
			WhatIf.Outlook outlook = new WhatIf.Outlook(c, holds, needed,
					listed.stream().map(WhatIf.Suggestion::new).toList(), found, this.cones.get(c.id()).size());
			(c.kind() == ConclusionKind.RISK ? risks : recommendations).add(outlook);
		}

		List<WhatIf.Leverage> ranking = ranking(run, now, singles);
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new WhatIf(Collections.unmodifiableMap(run.values), Set.copyOf(now), risks, recommendations, ranking,
				new WhatIf.Figures(run.evaluations, run.singleChanges, run.pairs, run.unsettled, millis));
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

	private Change change(Run run, int conditionIndex, String to) {
		String id = this.pack.conditions().get(conditionIndex).id();
		return new Change(id, run.values.get(id), to);
	}

	/**
	 * Every pair of changes of two different conditions of the cone, leaving out changes that do not settle on their
	 * own: whether such a change alone flips the conclusion is unknown, so a pair holding it may not be minimal.
	 */
	private List<List<Change>> pairsWithin(Run run, List<Integer> cone) {
		List<ConditionDef> defs = this.pack.conditions();
		List<List<Change>> pairs = new ArrayList<>();
		for (int a = 0; a < cone.size(); a++) {
			for (int b = a + 1; b < cone.size(); b++) {
				for (String va : defs.get(cone.get(a)).valueIds()) {
					Change first = change(run, cone.get(a), va);
					if (va.equals(first.from()) || !run.settled(List.of(first))) {
						continue;
					}
					for (String vb : defs.get(cone.get(b)).valueIds()) {
						Change second = change(run, cone.get(b), vb);
						if (!vb.equals(second.from()) && run.settled(List.of(second))) {
							pairs.add(List.of(first, second));
						}
					}
				}
			}
		}
		return pairs;
	}

	private List<WhatIf.Leverage> ranking(Run run, Set<String> now, List<List<Change>> singles) {
		Map<String, List<WhatIf.Option>> options = new LinkedHashMap<>();
		this.pack.conditions().forEach((d) -> options.put(d.id(), new ArrayList<>()));
		for (List<Change> single : singles) {
			Set<String> after = run.outcomes.get(single);
			List<String> moved = new ArrayList<>();
			List<String> effects = new ArrayList<>();
			if (after != UNSETTLED) {
				for (ConclusionDef c : this.pack.conclusions()) {
					if (after.contains(c.id()) != now.contains(c.id())) {
						if (c.kind() == ConclusionKind.RISK || c.kind() == ConclusionKind.RECOMMENDATION) {
							moved.add(c.id());
						}
						else if (c.kind() == ConclusionKind.EFFECT) {
							effects.add(c.id());
						}
					}
				}
			}
			options.get(single.get(0).condition())
				.add(new WhatIf.Option(single.get(0).to(), moved, effects, after != UNSETTLED));
		}
		java.util.Comparator<WhatIf.Option> score = java.util.Comparator
			.comparingInt((WhatIf.Option o) -> o.moved().size())
			.thenComparingInt((o) -> o.effects().size());
		List<WhatIf.Leverage> ranking = new ArrayList<>();
		options.forEach((id, opts) -> {
			WhatIf.Option top = opts.stream().max(score).orElse(null);
			List<WhatIf.Option> best = (top == null || (top.moved().isEmpty() && top.effects().isEmpty())) ? List.of()
					: opts.stream().filter((o) -> score.compare(o, top) == 0).toList();
			ranking.add(new WhatIf.Leverage(id, run.values.get(id), opts, best));
		});
		// Stable: conditions that do equally well keep their catalogue order.
		ranking.sort(java.util.Comparator.comparingInt(WhatIf.Leverage::moved)
			.thenComparingInt(WhatIf.Leverage::effects)
			.reversed());
		return ranking;
	}

	/** The state of one analysis: the conditions, and what each changed scenario concluded. */
	private final class Run {

		private final Map<String, String> values;

		/** By changed scenario; {@link #UNSETTLED} for one whose rules did not settle. */
		private final Map<List<Change>, Set<String>> outcomes = new HashMap<>();

		private int evaluations;

		private int singleChanges;

		private int pairs;

		private int unsettled;

		Run(Map<String, String> values) {
			this.values = values;
		}

		void evaluateAll(List<List<Change>> scenarios) {
			for (List<Change> changes : scenarios) {
				this.outcomes.computeIfAbsent(changes, this::evaluate);
			}
		}

		private Set<String> evaluate(List<Change> changes) {
			Map<String, String> changed = new HashMap<>(this.values);
			changes.forEach((c) -> changed.put(c.condition(), c.to()));
			this.evaluations++;
			try {
				return WhatIfAnalysis.this.ruleBase.conclusions(changed);
			}
			catch (UnsettledEvaluationException ex) {
				this.unsettled++;
				return UNSETTLED;
			}
		}

		boolean settled(List<Change> changes) {
			return this.outcomes.get(changes) != UNSETTLED;
		}

		boolean flips(List<Change> changes, String conclusionId, Set<String> now) {
			Set<String> after = this.outcomes.get(changes);
			return after != UNSETTLED && after.contains(conclusionId) != now.contains(conclusionId);
		}

	}

}
