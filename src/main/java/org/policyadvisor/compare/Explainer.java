package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * Why one conclusion differs between the baseline and another scenario, read off the two evaluations rather than
 * guessed.
 * <p>
 * Where the conclusion holds, its derivations are walked down to the conditions: a chain explains the difference
 * when it reaches a condition premise that the other scenario's value would not meet, or a {@code not Concluded}
 * premise whose conclusion holds in the other scenario. It descends only into premises that do not hold (or hold
 * less strongly) in the other scenario: a premise that holds in both is not where they part.
 * <p>
 * Where it does not hold, the rules that produce it and whose premises all hold in the first scenario are checked in
 * the other: their unmet premises that are conditions, or conclusions (followed down the same way), are what blocked
 * it there.
 */
final class Explainer {

	/**
	 * Chains kept for each place where the scenarios part; the rest are counted. Every such place is kept: which
	 * conditions make the difference matters more than every way they do. The most direct chains come first.
	 */
	static final int MAX_CHAINS_PER_ORIGIN = 3;

	/** A bound on the chains collected, however the rules branch. */
	private static final int MAX_COLLECTED = 500;

	private final RulePack pack;

	private final String conclusionId;

	private final ComparedScenario baseline;

	private final ComparedScenario scenario;

	private Evaluation x;

	private Evaluation y;

	private Set<String> holdsX;

	private Set<String> holdsY;

	private int collected;

	Explainer(RulePack pack, String conclusionId, ComparedScenario baseline, ComparedScenario scenario) {
		this.pack = pack;
		this.conclusionId = conclusionId;
		this.baseline = baseline;
		this.scenario = scenario;
	}

	Comparison.PairExplanation explain() {
		Strength inBaseline = strength(this.baseline.evaluation(), this.conclusionId);
		Strength inScenario = strength(this.scenario.evaluation(), this.conclusionId);
		Comparison.Change change;
		if (inBaseline == null) {
			change = Comparison.Change.APPEARS;
		}
		else if (inScenario == null) {
			change = Comparison.Change.DISAPPEARS;
		}
		else {
			change = (inScenario.compareTo(inBaseline) > 0) ? Comparison.Change.STRONGER : Comparison.Change.WEAKER;
		}
		boolean scenarioHolds = change == Comparison.Change.APPEARS || change == Comparison.Change.STRONGER;
		ComparedScenario holding = scenarioHolds ? this.scenario : this.baseline;
		ComparedScenario other = scenarioHolds ? this.baseline : this.scenario;
		this.x = holding.evaluation();
		this.y = other.evaluation();
		this.holdsX = ids(this.x);
		this.holdsY = ids(this.y);
		Strength otherStrength = strength(this.y, this.conclusionId);
		List<Comparison.Path> because = distinct(holdingPaths(this.conclusionId, otherStrength, new HashSet<>()));
		List<Comparison.Path> blocked = (otherStrength == null)
				? distinct(blockedPaths(this.conclusionId, new HashSet<>())) : List.of();
		List<Comparison.Path> shownBecause = perOrigin(because);
		List<Comparison.Path> shownBlocked = perOrigin(blocked);
		int omitted = because.size() - shownBecause.size() + blocked.size() - shownBlocked.size();
		return new Comparison.PairExplanation(this.scenario, this.baseline, change, holding, other,
				strength(this.x, this.conclusionId), otherStrength, shownBecause, shownBlocked, omitted);
	}

	/**
	 * Chains to {@code id}, which holds in X, from where X and Y part.
	 *
	 * @param above in Y, {@code id} holds this strongly ({@code null}: not at all); only stronger derivations count
	 */
	private List<Comparison.Path> holdingPaths(String id, Strength above, Set<String> onPath) {
		Evaluation.Finding finding = this.x.finding(id).orElse(null);
		if (finding == null || !onPath.add(id)) {
			return List.of();
		}
		List<Comparison.Path> paths = new ArrayList<>();
		for (Evaluation.Derivation d : finding.derivations()) {
			if (above != null && d.strength().compareTo(above) <= 0) {
				continue;
			}
			Comparison.Step step = step(d.ruleId(), id);
			for (Evaluation.PremiseCheck check : d.premises()) {
				Premise p = check.premise();
				if (this.collected > MAX_COLLECTED) {
					break;
				}
				if (p.isCondition()) {
					if (!p.holds(this.y.conditions(), this.holdsY)) {
						paths.add(path(conditionOrigin(p, this.x, this.y), step));
					}
				}
				else if (!p.negated()) {
					Strength inY = strength(this.y, p.id());
					List<Comparison.Path> below;
					if (inY == null) {
						below = holdingPaths(p.id(), null, onPath);
					}
					else if (above != null && inY.compareTo(strength(this.x, p.id())) < 0) {
						below = holdingPaths(p.id(), inY, onPath);
					}
					else {
						continue;
					}
					below.forEach((b) -> paths.add(extend(b, step)));
				}
				else if (this.holdsY.contains(p.id())) {
					paths.add(path(conclusionOrigin(p.id(), false), step));
				}
			}
		}
		onPath.remove(id);
		return paths;
	}

	/** Chains to {@code id}, which does not hold in Y, from the premises that kept it from holding there. */
	private List<Comparison.Path> blockedPaths(String id, Set<String> onPath) {
		Evaluation.Absence absence = this.y.absence(id).orElse(null);
		if (absence == null || !onPath.add(id)) {
			return List.of();
		}
		List<Comparison.Path> paths = new ArrayList<>();
		for (Evaluation.Attempt attempt : absence.attempts()) {
			RuleDef rule = this.pack.rule(attempt.ruleId()).orElseThrow();
			// A rule that cannot fire in X either is no part of why X and Y differ.
			if (!rule.premises().stream().allMatch((p) -> p.holds(this.x.conditions(), this.holdsX))) {
				continue;
			}
			Comparison.Step step = step(rule.id(), id);
			for (Evaluation.PremiseCheck check : attempt.unmet()) {
				Premise p = check.premise();
				if (this.collected > MAX_COLLECTED) {
					break;
				}
				if (p.isCondition()) {
					paths.add(path(conditionOrigin(p, this.y, this.x), step));
				}
				else if (!p.negated()) {
					blockedPaths(p.id(), onPath).forEach((b) -> paths.add(extend(b, step)));
				}
				else {
					paths.add(path(conclusionOrigin(p.id(), true), step));
				}
			}
		}
		onPath.remove(id);
		return paths;
	}

	private Comparison.Step step(String ruleId, String produces) {
		return new Comparison.Step(this.pack.rule(ruleId).orElseThrow(), this.pack.conclusion(produces).orElseThrow());
	}

	private Comparison.Path path(Comparison.Origin origin, Comparison.Step step) {
		this.collected++;
		return new Comparison.Path(origin, List.of(step));
	}

	private Comparison.Path extend(Comparison.Path path, Comparison.Step step) {
		List<Comparison.Step> steps = new ArrayList<>(path.steps());
		steps.add(step);
		return new Comparison.Path(path.origin(), List.copyOf(steps));
	}

	/** A condition premise of a rule: its value on the rule's side and on the other. */
	private Comparison.Origin conditionOrigin(Premise p, Evaluation side, Evaluation otherSide) {
		ConditionDef def = this.pack.condition(p.id()).orElseThrow();
		String value = side.conditions().get(p.id());
		String otherValue = otherSide.conditions().get(p.id());
		return new Comparison.Origin(def, value, def.labelOf(value), otherValue, def.labelOf(otherValue),
				Comparison.expected(this.pack, p), null, false);
	}

	private Comparison.Origin conclusionOrigin(String id, boolean holds) {
		ConclusionDef def = this.pack.conclusion(id).orElseThrow();
		return new Comparison.Origin(null, null, null, null, null, null, def, holds);
	}

	/** Each chain once, the shortest first: the most direct reasons lead. */
	private static List<Comparison.Path> distinct(List<Comparison.Path> paths) {
		Map<String, Comparison.Path> unique = new LinkedHashMap<>();
		for (Comparison.Path p : paths) {
			String key = p.origin().key()
					+ p.steps().stream().map((s) -> s.rule().id()).collect(Collectors.joining(">", ">", ""));
			unique.putIfAbsent(key, p);
		}
		return unique.values().stream().sorted(Comparator.comparingInt((Comparison.Path p) -> p.steps().size()))
			.toList();
	}

	/** The first chains from each origin, in the order of the shortest chain from each. */
	private static List<Comparison.Path> perOrigin(List<Comparison.Path> paths) {
		Map<String, List<Comparison.Path>> byOrigin = new LinkedHashMap<>();
		for (Comparison.Path p : paths) {
			List<Comparison.Path> chains = byOrigin.computeIfAbsent(p.origin().key(), (k) -> new ArrayList<>());
			if (chains.size() < MAX_CHAINS_PER_ORIGIN) {
				chains.add(p);
			}
		}
		return byOrigin.values().stream().flatMap(List::stream).toList();
	}

	private static Strength strength(Evaluation evaluation, String id) {
		return evaluation.finding(id).map(Evaluation.Finding::strength).orElse(null);
	}

	private static Set<String> ids(Evaluation evaluation) {
		return evaluation.findings().stream().map(Evaluation.Finding::conclusionId).collect(Collectors.toSet());
	}

}
