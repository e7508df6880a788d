package org.policyadvisor.advisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * An evaluation arranged for the result page: conclusions grouped by kind and audience, each with its chain of
 * reasons down to the user's conditions, and the reasons why the others do not apply. Public for the other pages
 * that explain results with {@code fragments/explain.html} (the exercises' turns).
 */
public record AdviceView(List<FindingView> risks, Map<String, List<FindingView>> recommendationsByAudience,
		List<FindingView> disputed, List<FindingView> effects, List<AbsenceView> absentRisks,
		List<AbsenceView> absentRecommendations, List<ChosenCondition> conditions, int recommendationCount) {

	/** How deep the "why not" goes into conclusions that did not hold; deeper chains are summarised. */
	private static final int WHY_NOT_DEPTH = 3;

	private static final java.util.Comparator<FindingView> STRONGEST_FIRST = java.util.Comparator
		.comparing(FindingView::strength).reversed();

	public record FindingView(ConclusionDef conclusion, Strength strength, List<DerivationView> derivations) {
	}

	public record DerivationView(RuleDef rule, Strength strength, List<PremiseView> premises) {
	}

	/**
	 * A premise with its subject (question or conclusion title), what the rule needs and what the scenario has.
	 * {@code because} explains a conclusion that holds; {@code whyNot} one that does not.
	 */
	public record PremiseView(Premise premise, String subject, String expected, String actual, boolean met,
			FindingView because, AbsenceView whyNot) {
	}

	public record AbsenceView(ConclusionDef conclusion, List<AttemptView> attempts) {
	}

	public record AttemptView(RuleDef rule, List<PremiseView> premises) {

		public List<PremiseView> unmet() {
			return this.premises.stream().filter((p) -> !p.met()).toList();
		}

	}

	public record ChosenCondition(ConditionDef condition, String value, String valueLabel, boolean changed) {
	}

	public static AdviceView of(RulePack pack, Evaluation evaluation) {
		return new Builder(pack, evaluation).build();
	}

	private static final class Builder {

		private final RulePack pack;

		private final Evaluation evaluation;

		private final Map<String, FindingView> findings = new HashMap<>();

		private final Set<String> building = new HashSet<>();

		Builder(RulePack pack, Evaluation evaluation) {
			this.pack = pack;
			this.evaluation = evaluation;
		}

		AdviceView build() {
			List<FindingView> risks = new ArrayList<>();
			List<FindingView> disputed = new ArrayList<>();
			List<FindingView> effects = new ArrayList<>();
			Map<String, List<FindingView>> recommendations = new LinkedHashMap<>();
			int recommendationCount = 0;
			for (Evaluation.Finding f : this.evaluation.findings()) {
				FindingView view = finding(f.conclusionId());
				switch (view.conclusion().kind()) {
					case RISK -> risks.add(view);
					case DISPUTED -> disputed.add(view);
					case EFFECT -> effects.add(view);
					case RECOMMENDATION -> {
						recommendations.computeIfAbsent(view.conclusion().audience(), (k) -> new ArrayList<>())
							.add(view);
						recommendationCount++;
					}
				}
			}
			List<AbsenceView> absentRisks = new ArrayList<>();
			List<AbsenceView> absentRecommendations = new ArrayList<>();
			for (Evaluation.Absence a : this.evaluation.absences()) {
				ConclusionKind kind = this.pack.conclusion(a.conclusionId()).orElseThrow().kind();
				if (kind == ConclusionKind.RISK) {
					absentRisks.add(absence(a.conclusionId(), WHY_NOT_DEPTH));
				}
				else if (kind == ConclusionKind.RECOMMENDATION) {
					absentRecommendations.add(absence(a.conclusionId(), WHY_NOT_DEPTH));
				}
			}
			Map<String, String> defaults = this.pack.defaults();
			List<ChosenCondition> conditions = this.pack.conditions().stream().map((c) -> {
				String value = this.evaluation.conditions().get(c.id());
				return new ChosenCondition(c, value, c.labelOf(value), !value.equals(defaults.get(c.id())));
			}).toList();
			// Strongest first, so that a long list opens on what the paper is surest of; ties keep catalogue order.
			risks.sort(STRONGEST_FIRST);
			recommendations.values().forEach((list) -> list.sort(STRONGEST_FIRST));
			return new AdviceView(risks, recommendations, disputed, effects, absentRisks, absentRecommendations,
					conditions, recommendationCount);
		}

		private FindingView finding(String id) {
			FindingView cached = this.findings.get(id);
			if (cached != null || !this.building.add(id)) {
				return cached;
			}
			Evaluation.Finding f = this.evaluation.finding(id).orElseThrow();
			List<DerivationView> derivations = f.derivations().stream()
				.map((d) -> new DerivationView(this.pack.rule(d.ruleId()).orElseThrow(), d.strength(),
						d.premises().stream().map((p) -> premise(p, 0)).toList()))
				.toList();
			FindingView view = new FindingView(this.pack.conclusion(id).orElseThrow(), f.strength(), derivations);
			this.findings.put(id, view);
			this.building.remove(id);
			return view;
		}

		private AbsenceView absence(String id, int depth) {
			Evaluation.Absence a = this.evaluation.absence(id).orElseThrow();
			List<AttemptView> attempts = a.attempts().stream()
				.map((t) -> new AttemptView(this.pack.rule(t.ruleId()).orElseThrow(),
						t.premises().stream().map((p) -> premise(p, depth)).toList()))
				.toList();
			return new AbsenceView(this.pack.conclusion(id).orElseThrow(), attempts);
		}

		private PremiseView premise(Evaluation.PremiseCheck check, int whyNotDepth) {
			Premise p = check.premise();
			FindingView because = null;
			AbsenceView whyNot = null;
			if (!p.isCondition() && !p.negated()) {
				if (check.met()) {
					because = finding(p.id());
				}
				else if (whyNotDepth > 1) {
					whyNot = absence(p.id(), whyNotDepth - 1);
				}
			}
			return new PremiseView(p, ConditionText.subject(this.pack, p), ConditionText.expected(this.pack, p),
					ConditionText.actual(this.pack, p, check.actual()), check.met(), because, whyNot);
		}

	}

}
