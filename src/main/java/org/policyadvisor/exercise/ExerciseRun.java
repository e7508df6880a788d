package org.policyadvisor.exercise;

import java.util.List;
import java.util.Map;

import org.policyadvisor.advisor.AdviceView;
import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Strength;

/**
 * An exercise played through the rules: the conditions and the explained result at the start and after each turn,
 * and what changed from one to the next. The pages, the chart and the report all read this.
 *
 * @param steps the start (number 0), then one per turn
 * @param notices what could not be replayed as stored, because the rule pack changed since (empty as a rule)
 */
record ExerciseRun(Exercise exercise, List<Step> steps, List<String> notices) {

	ExerciseRun {
		steps = List.copyOf(steps);
		notices = List.copyOf(notices);
	}

	public Step start() {
		return this.steps.get(0);
	}

	public Step last() {
		return this.steps.get(this.steps.size() - 1);
	}

	/** The turns, without the start. */
	public List<Step> turns() {
		return this.steps.subList(1, this.steps.size());
	}

	/**
	 * The state at the start or after a turn.
	 *
	 * @param number 0 for the start, else the turn's number
	 * @param title the turn's title; at the start, where the start conditions came from
	 * @param at when the turn was added, or the exercise created
	 * @param injects the turn's injects as applied (empty at the start)
	 * @param conditions every condition of the pack, after the injects
	 * @param advice the explained result under {@code conditions}
	 * @param appeared risks and recommendations that hold now and did not before this turn
	 * @param ended risks and recommendations that held before this turn and do not now
	 * @param restrengthened those that held before and still do, with another strength
	 * @param holding the risks and recommendations that hold, with their strength, in catalogue order
	 */
	record Step(int number, String title, java.time.Instant at, List<AppliedInject> injects,
			Map<String, String> conditions,
			AdviceView advice, List<Appeared> appeared, List<Ended> ended, List<Restrengthened> restrengthened,
			Map<String, Strength> holding) {

		Step {
			injects = List.copyOf(injects);
			appeared = List.copyOf(appeared);
			ended = List.copyOf(ended);
			restrengthened = List.copyOf(restrengthened);
		}

		public boolean isStart() {
			return this.number == 0;
		}

		/** "Start" or "Turn 3", as the chart's axis names it. */
		public String label() {
			return isStart() ? "Start" : "Turn " + this.number;
		}

		public boolean changedNothing() {
			return this.appeared.isEmpty() && this.ended.isEmpty() && this.restrengthened.isEmpty();
		}

		public int riskCount() {
			return this.advice.risks().size();
		}

		public int recommendationCount() {
			return this.advice.recommendationCount();
		}

	}

	/** An inject as it changed the state: the condition, its value before and after, and the note. */
	record AppliedInject(ConditionDef condition, String from, String to, String note) {

		public String fromLabel() {
			return this.condition.labelOf(this.from);
		}

		public String toLabel() {
			return this.condition.labelOf(this.to);
		}

	}

	/**
	 * A risk or recommendation that appeared at a turn, with how it is derived now and the injects that caused it:
	 * those without which it would not hold (each undone alone, the rest of the turn kept). When no single inject is
	 * needed (two of them each suffice), {@code causes} holds the turn's injects together and {@code jointly} is set.
	 */
	record Appeared(AdviceView.FindingView finding, List<AppliedInject> causes, boolean jointly) {

		public ConclusionDef conclusion() {
			return this.finding.conclusion();
		}

	}

	/** A risk or recommendation that stopped holding at a turn: why it no longer does, and the injects that ended it. */
	record Ended(AdviceView.AbsenceView absence, Strength before, List<AppliedInject> causes, boolean jointly) {

		public ConclusionDef conclusion() {
			return this.absence.conclusion();
		}

	}

	/** A risk or recommendation that still holds, more or less firmly than before. */
	record Restrengthened(AdviceView.FindingView finding, Strength before) {

		public ConclusionDef conclusion() {
			return this.finding.conclusion();
		}

		public boolean stronger() {
			return this.finding.strength().compareTo(this.before) > 0;
		}

	}

}
