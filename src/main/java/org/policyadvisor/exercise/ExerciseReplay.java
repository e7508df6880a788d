package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.advisor.AdviceView;
import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;
import org.policyadvisor.engine.UnsettledEvaluationException;

import org.springframework.stereotype.Component;

/**
 * Plays an exercise through the rules: the start conditions, then each turn's injects applied in order, the rules
 * run after each turn, and the risks and recommendations that appeared or ended, each with the injects that caused
 * the change.
 */
@Component
class ExerciseReplay {

	private final RuleBase ruleBase;

	ExerciseReplay(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
	}

	ExerciseRun replay(Exercise exercise) {
		RulePack pack = this.ruleBase.pack();
		List<String> notices = new ArrayList<>();
		Map<String, String> conditions = startConditions(pack, exercise, notices);
		Evaluation evaluation;
		try {
			evaluation = this.ruleBase.evaluate(conditions);
		}
		catch (UnsettledEvaluationException ex) {
			notices.add("The rules do not settle under the stored start conditions with this version of the rule "
					+ "pack; the exercise starts from the early-2019 defaults instead.");
			conditions = pack.defaults();
			evaluation = this.ruleBase.evaluate(conditions);
		}
		List<ExerciseRun.Step> steps = new ArrayList<>();
		AdviceView advice = AdviceView.of(pack, evaluation);
		Map<String, Strength> holding = holding(pack, evaluation);
		steps.add(new ExerciseRun.Step(0, exercise.startLabel(), exercise.createdAt(), List.of(), conditions, advice, List.of(), List.of(),
				List.of(), holding));
		for (Exercise.Turn turn : exercise.turns()) {
			List<ExerciseRun.AppliedInject> applied = apply(pack, turn, conditions, notices);
			Map<String, String> next = after(conditions, applied);
			Evaluation nextEvaluation;
			try {
				nextEvaluation = this.ruleBase.evaluate(next);
			}
			catch (UnsettledEvaluationException ex) {
				notices.add("Turn " + turn.number() + ": the rules do not settle after its injects with this version "
						+ "of the rule pack, so they are left out.");
				applied = List.of();
				next = conditions;
				nextEvaluation = this.ruleBase.evaluate(next);
			}
			AdviceView nextAdvice = AdviceView.of(pack, nextEvaluation);
			Map<String, Strength> nextHolding = holding(pack, nextEvaluation);
			steps.add(step(turn, applied, next, nextAdvice, holding, nextHolding));
			conditions = next;
			holding = nextHolding;
		}
		return new ExerciseRun(exercise, steps, notices);
	}

	/** The conditions after every turn: where a new turn's injects start from. */
	Map<String, String> currentConditions(Exercise exercise) {
		return replay(exercise).last().conditions();
	}

	/** Whether the rules settle under these conditions, as they must before a turn that leads there is stored. */
	boolean settles(Map<String, String> conditions) {
		try {
			this.ruleBase.conclusions(conditions);
			return true;
		}
		catch (UnsettledEvaluationException ex) {
			return false;
		}
	}

	private ExerciseRun.Step step(Exercise.Turn turn, List<ExerciseRun.AppliedInject> applied,
			Map<String, String> conditions, AdviceView advice, Map<String, Strength> before,
			Map<String, Strength> now) {
		Map<String, AdviceView.FindingView> findings = findings(advice);
		Map<String, AdviceView.AbsenceView> absences = absences(advice);
		// What holds with each inject of the turn undone alone: an inject without which a change does not happen
		// caused it.
		List<Set<String>> without = new ArrayList<>();
		for (ExerciseRun.AppliedInject inject : applied) {
			Map<String, String> undone = new LinkedHashMap<>(conditions);
			undone.put(inject.condition().id(), inject.from());
			without.add(conclusionsOrNull(undone));
		}
		List<ExerciseRun.Appeared> appeared = new ArrayList<>();
		List<ExerciseRun.Ended> ended = new ArrayList<>();
		List<ExerciseRun.Restrengthened> restrengthened = new ArrayList<>();
		for (Map.Entry<String, Strength> entry : now.entrySet()) {
			String id = entry.getKey();
			if (!before.containsKey(id)) {
				List<ExerciseRun.AppliedInject> causes = causes(applied, without, id, false);
				appeared.add(new ExerciseRun.Appeared(findings.get(id), causes.isEmpty() ? applied : causes,
						causes.isEmpty() && applied.size() > 1));
			}
			else if (before.get(id) != entry.getValue()) {
				restrengthened.add(new ExerciseRun.Restrengthened(findings.get(id), before.get(id)));
			}
		}
		for (Map.Entry<String, Strength> entry : before.entrySet()) {
			String id = entry.getKey();
			if (!now.containsKey(id)) {
				List<ExerciseRun.AppliedInject> causes = causes(applied, without, id, true);
				ended.add(new ExerciseRun.Ended(absences.get(id), entry.getValue(), causes.isEmpty() ? applied : causes,
						causes.isEmpty() && applied.size() > 1));
			}
		}
		// Risks before recommendations, each in catalogue order (the sort is stable).
		appeared.sort(java.util.Comparator.comparing((a) -> a.conclusion().kind()));
		ended.sort(java.util.Comparator.comparing((e) -> e.conclusion().kind()));
		restrengthened.sort(java.util.Comparator.comparing((r) -> r.conclusion().kind()));
		return new ExerciseRun.Step(turn.number(), turn.title(), turn.createdAt(), applied, conditions, advice, appeared, ended,
				restrengthened, now);
	}

	/** The injects whose undoing alone brings the conclusion back to how it was before the turn. */
	private static List<ExerciseRun.AppliedInject> causes(List<ExerciseRun.AppliedInject> applied,
			List<Set<String>> without, String id, boolean heldBefore) {
		List<ExerciseRun.AppliedInject> causes = new ArrayList<>();
		for (int i = 0; i < applied.size(); i++) {
			Set<String> holds = without.get(i);
			if (holds != null && holds.contains(id) == heldBefore) {
				causes.add(applied.get(i));
			}
		}
		return causes;
	}

	private Set<String> conclusionsOrNull(Map<String, String> conditions) {
		try {
			return this.ruleBase.conclusions(conditions);
		}
		catch (UnsettledEvaluationException ex) {
			return null;
		}
	}

	private static Map<String, String> startConditions(RulePack pack, Exercise exercise, List<String> notices) {
		ConditionValidator.Result start = ConditionValidator.validate(pack, exercise.startConditions(), false);
		Map<String, String> conditions = new LinkedHashMap<>(start.values());
		start.errors().keySet().forEach((id) -> {
			ConditionDef def = pack.condition(id).orElseThrow();
			conditions.put(id, def.defaultValue());
			notices.add("The start value of “" + def.question() + "” is no longer one of its answers in this version "
					+ "of the rule pack; the exercise starts from its early-2019 value, "
					+ def.labelOf(def.defaultValue()) + ".");
		});
		return conditions;
	}

	private static List<ExerciseRun.AppliedInject> apply(RulePack pack, Exercise.Turn turn,
			Map<String, String> conditions, List<String> notices) {
		List<ExerciseRun.AppliedInject> applied = new ArrayList<>();
		for (Exercise.Inject inject : turn.injects()) {
			Optional<ConditionDef> def = pack.condition(inject.conditionId());
			if (def.isEmpty() || !def.get().allows(inject.value())) {
				notices.add("Turn " + turn.number() + ": an inject sets “" + inject.conditionId() + "” to “"
						+ inject.value() + "”, which this version of the rule pack does not have; it is left out.");
				continue;
			}
			applied.add(new ExerciseRun.AppliedInject(def.get(), conditions.get(inject.conditionId()),
					inject.value(), inject.note()));
		}
		return applied;
	}

	private static Map<String, String> after(Map<String, String> conditions, List<ExerciseRun.AppliedInject> applied) {
		Map<String, String> next = new LinkedHashMap<>(conditions);
		applied.forEach((inject) -> next.put(inject.condition().id(), inject.to()));
		return next;
	}

	/** The risks and recommendations that hold, with their strength, in catalogue order. */
	private static Map<String, Strength> holding(RulePack pack, Evaluation evaluation) {
		Map<String, Strength> holding = new LinkedHashMap<>();
		for (Evaluation.Finding finding : evaluation.findings()) {
			ConclusionKind kind = pack.conclusion(finding.conclusionId()).map(ConclusionDef::kind).orElse(null);
			if (kind == ConclusionKind.RISK || kind == ConclusionKind.RECOMMENDATION) {
				holding.put(finding.conclusionId(), finding.strength());
			}
		}
		return holding;
	}

	private static Map<String, AdviceView.FindingView> findings(AdviceView advice) {
		Map<String, AdviceView.FindingView> byId = new HashMap<>();
		advice.risks().forEach((f) -> byId.put(f.conclusion().id(), f));
		advice.recommendationsByAudience().values().forEach((list) -> list.forEach((f) -> byId.put(f.conclusion().id(), f)));
		return byId;
	}

	private static Map<String, AdviceView.AbsenceView> absences(AdviceView advice) {
		Map<String, AdviceView.AbsenceView> byId = new HashMap<>();
		advice.absentRisks().forEach((a) -> byId.put(a.conclusion().id(), a));
		advice.absentRecommendations().forEach((a) -> byId.put(a.conclusion().id(), a));
		return byId;
	}

}
