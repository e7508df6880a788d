package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * Two to four evaluated scenarios side by side: the conditions that differ, the conclusions that differ, and for each
 * conclusion that differs from the baseline (the first scenario), why, as the engine derived it.
 *
 * @param differing the conditions whose values are not the same in every scenario, in the pack's order
 * @param same the conditions every scenario answers alike
 */
public record Comparison(List<ComparedScenario> scenarios, List<ConditionRow> differing, List<ConditionDef> same,
		List<ConclusionRow> risks, List<ConclusionRow> recommendations, List<ConclusionRow> disputed,
		List<ConclusionRow> effects) {

	/** A condition with each scenario's value. */
	public record ConditionRow(ConditionDef condition, List<ValueCell> values) {
	}

	/** @param differsFromBaseline whether this value is not the baseline's; always false in the baseline's column */
	public record ValueCell(String value, String label, boolean differsFromBaseline) {
	}

	/**
	 * A conclusion that does not hold alike in every scenario.
	 *
	 * @param strengths per scenario, in column order; {@code null} where it does not apply
	 * @param explanations one for each scenario that differs from the baseline on this conclusion
	 */
	public record ConclusionRow(ConclusionDef conclusion, List<Strength> strengths, List<PairExplanation> explanations) {

		public String anchor() {
			return "why-" + this.conclusion.id();
		}

	}

	/** How a conclusion stands in a scenario against the baseline. */
	public enum Change {

		/** Applies in the scenario, not in the baseline. */
		APPEARS("appears"),
		/** Applies in the baseline, not in the scenario. */
		DISAPPEARS("disappears"),
		/** Applies in both, more strongly in the scenario. */
		STRONGER("stronger"),
		/** Applies in both, less strongly in the scenario. */
		WEAKER("weaker");

		private final String id;

		Change(String id) {
			this.id = id;
		}

		public String id() {
			return this.id;
		}

	}

	/**
	 * Why a conclusion differs between a scenario and the baseline.
	 *
	 * @param holding where it applies (or applies more strongly)
	 * @param other the other of the two: where it does not apply (or applies less strongly)
	 * @param because chains from a condition that differs, through the rules that fired in {@code holding}, to the
	 * conclusion
	 * @param blocked for a conclusion that does not apply in {@code other}: the premises there, of rules that fired in
	 * {@code holding}, that a differing condition left unmet, with the rules between them and the conclusion
	 * @param omitted chains left out of {@code because} and {@code blocked} to keep the explanation readable
	 */
	public record PairExplanation(ComparedScenario scenario, ComparedScenario baseline, Change change,
			ComparedScenario holding, ComparedScenario other, Strength holdingStrength, Strength otherStrength,
			List<Path> because, List<Path> blocked, int omitted) {

		/** Whether the engine's chains name no condition that differs: the page then says so. */
		public boolean unexplained() {
			return this.because.isEmpty() && this.blocked.isEmpty();
		}

		/** {@link #because}, a group for each origin, in order. */
		public List<OriginGroup> becauseByOrigin() {
			return group(this.because);
		}

		/** {@link #blocked}, a group for each origin, in order. */
		public List<OriginGroup> blockedByOrigin() {
			return group(this.blocked);
		}

		private static List<OriginGroup> group(List<Path> paths) {
			java.util.Map<String, List<Path>> byOrigin = new java.util.LinkedHashMap<>();
			paths.forEach((p) -> byOrigin.computeIfAbsent(p.origin().key(), (k) -> new ArrayList<>()).add(p));
			return byOrigin.values().stream().map((chains) -> new OriginGroup(chains.get(0).origin(), List.copyOf(chains)))
				.toList();
		}

	}

	/** The chains that start from one origin. */
	public record OriginGroup(Origin origin, List<Path> chains) {

	}

	/**
	 * A chain from where the two scenarios part (a condition, or a conclusion that a rule needs not to hold) up
	 * through rules to the conclusion explained. {@code steps} run from the origin's rule to the last rule, which
	 * produces the conclusion.
	 */
	public record Path(Origin origin, List<Step> steps) {

		public Step first() {
			return this.steps.get(0);
		}

		/** The steps after the first: the rules that carry its conclusion up to the one explained. */
		public List<Step> rest() {
			return this.steps.subList(1, this.steps.size());
		}

	}

	/** One rule of a chain, and what it concludes. */
	public record Step(RuleDef rule, ConclusionDef produces) {
	}

	/**
	 * Where a chain starts. For a condition: its value on this side and on the other, and what the rule's premise
	 * asks for. For a conclusion (reached only through a negated premise, {@code not Concluded}): whether it holds
	 * on this side; it does the opposite on the other.
	 */
	public record Origin(ConditionDef condition, String value, String valueLabel, String otherValue,
			String otherLabel, String expected, ConclusionDef conclusion, boolean holds) {

		/** Named so that templates do not mistake it for {@code condition()}, as they would {@code isCondition()}. */
		public boolean fromCondition() {
			return this.condition != null;
		}

		/** The same for chains that start at the same condition (or conclusion) on the same side. */
		String key() {
			return fromCondition() ? "condition:" + this.condition.id() : "conclusion:" + this.conclusion.id();
		}

	}

	/** Compares evaluated scenarios; the first is the baseline. */
	public static Comparison of(RulePack pack, List<ComparedScenario> scenarios) {
		ComparedScenario baseline = scenarios.get(0);
		List<ConditionRow> differing = new ArrayList<>();
		List<ConditionDef> same = new ArrayList<>();
		for (ConditionDef c : pack.conditions()) {
			String base = baseline.conditions().get(c.id());
			List<ValueCell> cells = scenarios.stream().map((s) -> {
				String v = s.conditions().get(c.id());
				return new ValueCell(v, c.labelOf(v), !v.equals(base));
			}).toList();
			if (cells.stream().anyMatch(ValueCell::differsFromBaseline)) {
				differing.add(new ConditionRow(c, cells));
			}
			else {
				same.add(c);
			}
		}
		List<ConclusionRow> risks = new ArrayList<>();
		List<ConclusionRow> recommendations = new ArrayList<>();
		List<ConclusionRow> disputed = new ArrayList<>();
		List<ConclusionRow> effects = new ArrayList<>();
		for (ConclusionDef c : pack.conclusions()) {
			List<Strength> strengths = scenarios.stream()
				.map((s) -> s.evaluation().finding(c.id()).map(Evaluation.Finding::strength).orElse(null))
				.toList();
			if (strengths.stream().allMatch((s) -> Objects.equals(s, strengths.get(0)))) {
				continue;
			}
			List<PairExplanation> explanations = new ArrayList<>();
			for (int i = 1; i < scenarios.size(); i++) {
				if (!Objects.equals(strengths.get(i), strengths.get(0))) {
					explanations.add(new Explainer(pack, c.id(), baseline, scenarios.get(i)).explain());
				}
			}
			ConclusionRow row = new ConclusionRow(c, strengths, List.copyOf(explanations));
			switch (c.kind()) {
				case RISK -> risks.add(row);
				case RECOMMENDATION -> recommendations.add(row);
				case DISPUTED -> disputed.add(row);
				case EFFECT -> effects.add(row);
			}
		}
		return new Comparison(List.copyOf(scenarios), List.copyOf(differing), List.copyOf(same), List.copyOf(risks),
				List.copyOf(recommendations), List.copyOf(disputed), List.copyOf(effects));
	}

	public ComparedScenario baseline() {
		return this.scenarios.get(0);
	}

	/** Every conclusion that differs, effects last. */
	public List<ConclusionRow> conclusions() {
		List<ConclusionRow> all = new ArrayList<>(this.risks);
		all.addAll(this.recommendations);
		all.addAll(this.disputed);
		all.addAll(this.effects);
		return all;
	}

	/** The differing conclusions of a kind; the page and the API go through the kinds in this order. */
	public List<ConclusionRow> of(ConclusionKind kind) {
		return switch (kind) {
			case RISK -> this.risks;
			case RECOMMENDATION -> this.recommendations;
			case DISPUTED -> this.disputed;
			case EFFECT -> this.effects;
		};
	}

	/** Whether the conclusion is among those that differ, so that an explanation can link to its own. */
	public boolean differs(String conclusionId) {
		return conclusions().stream().anyMatch((r) -> r.conclusion().id().equals(conclusionId));
	}

	static String expected(RulePack pack, Premise premise) {
		ConditionDef def = pack.condition(premise.id()).orElseThrow();
		List<String> labels = premise.acceptedValues().stream().map(def::labelOf).toList();
		String values = (labels.size() <= 1) ? String.join("", labels)
				: String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
		return premise.negated() ? "anything but " + values : values;
	}

}
