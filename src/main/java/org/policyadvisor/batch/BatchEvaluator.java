package org.policyadvisor.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioVerdict;
import org.policyadvisor.engine.UnsettledEvaluationException;

/**
 * Checks a line against the rule pack (scenario, condition and conclusion ids, values), evaluates it and checks its
 * expectations. Holds nothing between lines.
 */
final class BatchEvaluator {

	private final RuleBase ruleBase;

	private final RulePack pack;

	BatchEvaluator(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
		this.pack = ruleBase.pack();
	}

	/** What became of one line. */
	sealed interface Outcome permits Invalid, Evaluated {

		BatchLine line();

	}

	/** A line that cannot be evaluated, with everything wrong with it. */
	record Invalid(BatchLine line, List<BatchLine.Problem> problems) implements Outcome {
	}

	/**
	 * A line evaluated: {@code evaluation} is empty when the rules did not settle for its conditions, and
	 * {@code unsettled} then says why.
	 *
	 * @param conditions every condition of the pack with the value used
	 */
	record Evaluated(BatchLine line, Map<String, String> conditions, Optional<Evaluation> evaluation,
			List<ScenarioVerdict.Failure> failures, String unsettled) implements Outcome {

		boolean passed() {
			return this.failures.isEmpty() && this.unsettled == null;
		}

		/** Every unmet expectation in one line each, and why the rules did not settle if they did not. */
		List<String> failureMessages() {
			List<String> messages = new ArrayList<>();
			if (this.unsettled != null) {
				messages.add(this.unsettled);
			}
			this.failures.forEach((f) -> messages.add(f.message()));
			return messages;
		}

	}

	Outcome evaluate(BatchLine line) {
		BatchLine.Fields fields = line.fields();
		List<BatchLine.Problem> problems = new ArrayList<>(line.problems());
		Map<String, String> given = new LinkedHashMap<>();
		if (line.scenario() != null) {
			Optional<Scenario> base = this.pack.scenario(line.scenario());
			if (base.isPresent()) {
				given.putAll(base.get().conditions());
			}
			else {
				problems.add(new BatchLine.Problem(fields.scenario(), "'" + line.scenario()
						+ "' is not a scenario of this rule pack" + scenarioChoices()));
			}
		}
		given.putAll(line.conditions());
		ConditionValidator.Result input = ConditionValidator.validate(this.pack, given, true);
		input.errors().forEach((id, message) -> problems.add(new BatchLine.Problem(fields.condition(id), message)));
		checkConclusions(line.holds(), fields.holds(), problems);
		checkConclusions(line.absent(), fields.absent(), problems);
		line.holds().stream().filter(line.absent()::contains).distinct()
			.forEach((id) -> problems.add(new BatchLine.Problem(fields.absent(), "'" + id
					+ "' is expected both to hold and to be absent")));
		if (!problems.isEmpty()) {
			return new Invalid(line, problems);
		}
		Evaluation evaluation;
		try {
			evaluation = this.ruleBase.evaluate(input.values());
		}
		catch (UnsettledEvaluationException ex) {
			return new Evaluated(line, input.values(), Optional.empty(), List.of(), ex.getMessage());
		}
		return new Evaluated(line, input.values(), Optional.of(evaluation),
				ScenarioVerdict.check(this.pack, evaluation, line.holds(), line.absent()), null);
	}

	private void checkConclusions(List<String> ids, String field, List<BatchLine.Problem> problems) {
		ids.stream().filter((id) -> this.pack.conclusion(id).isEmpty()).distinct()
			.forEach((id) -> problems.add(new BatchLine.Problem(field, "'" + id
					+ "' is not a conclusion of this rule pack.")));
	}

	private String scenarioChoices() {
		List<String> ids = this.pack.scenarios().stream().map(Scenario::id).toList();
		return ids.isEmpty() ? ", which has none." : " (it has " + String.join(", ", ids) + ").";
	}

}
