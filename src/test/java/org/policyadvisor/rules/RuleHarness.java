package org.policyadvisor.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates the shipped pack in the early-2019 situation (every condition at its default) with a few conditions
 * changed, and asserts whether a given rule fires. Overrides are given as pairs: {@code "oil_price", "low"}.
 */
public final class RuleHarness {

	private RuleHarness() {
	}

	public static RuleBase ruleBase() {
		return TestPacks.shipped();
	}

	public static RuleDef rule(String ruleId) {
		return ruleBase().pack()
			.rule(ruleId)
			.orElseThrow(() -> new IllegalArgumentException("the shipped pack has no rule " + ruleId));
	}

	/** The defaults with the given pairs applied. */
	public static Map<String, String> scenario(String... pairs) {
		return scenario(pairs(pairs));
	}

	/**
	 * The defaults with the given overrides applied. A misspelt condition or value is rejected here: the engine
	 * would ignore an unknown id, and the test would then silently run on the defaults.
	 */
	public static Map<String, String> scenario(Map<String, String> overrides) {
		Map<String, String> values = ruleBase().pack().defaults();
		overrides.forEach((id, value) -> {
			ConditionDef def = ruleBase().pack()
				.condition(id)
				.orElseThrow(() -> new IllegalArgumentException("the shipped pack has no condition '" + id + "'"));
			if (!def.allows(value)) {
				throw new IllegalArgumentException(
						"condition '" + id + "' does not allow '" + value + "'; use one of " + def.valueIds());
			}
			values.put(id, value);
		});
		return values;
	}

	public static Evaluation evaluate(String... pairs) {
		return evaluate(pairs(pairs));
	}

	public static Evaluation evaluate(Map<String, String> overrides) {
		return ruleBase().evaluate(scenario(overrides));
	}

	/**
	 * Asserts that the rule fires and that everything it concludes holds, with the rule among the derivations: a
	 * rule that fired but whose conclusion was withdrawn, or credited to another rule, does not count.
	 */
	public static Evaluation assertFires(String ruleId, String... pairs) {
		return assertFires(ruleId, pairs(pairs));
	}

	public static Evaluation assertFires(String ruleId, Map<String, String> overrides) {
		RuleDef rule = rule(ruleId);
		Evaluation evaluation = evaluate(overrides);
		assertThat(evaluation.firedRules())
			.as(() -> rule.name() + " should fire in " + describe(overrides) + ", but " + unmet(rule, evaluation))
			.contains(ruleId);
		for (String produced : rule.produces()) {
			assertThat(evaluation.finding(produced))
				.as("%s fired in %s, so '%s' should hold", rule.name(), describe(overrides), produced)
				.hasValueSatisfying((finding) -> assertThat(finding.derivations())
					.as("derivations of '%s' in %s", produced, describe(overrides))
					.anyMatch((d) -> d.ruleId().equals(ruleId)));
		}
		return evaluation;
	}

	public static Evaluation assertDoesNotFire(String ruleId, String... pairs) {
		return assertDoesNotFire(ruleId, pairs(pairs));
	}

	public static Evaluation assertDoesNotFire(String ruleId, Map<String, String> overrides) {
		RuleDef rule = rule(ruleId);
		Evaluation evaluation = evaluate(overrides);
		assertThat(evaluation.firedRules()).as("%s should not fire in %s", rule.name(), describe(overrides))
			.doesNotContain(ruleId);
		return evaluation;
	}

	/**
	 * Asserts that the rule fires and that each derivation it supports is no stronger than the rule's own
	 * {@code @strength}, nor than any conclusion it builds on: a chain of claims is only as strong as its weakest
	 * link.
	 */
	public static void assertStrengthWithinRule(String ruleId, String... pairs) {
		RuleDef rule = rule(ruleId);
		Evaluation evaluation = assertFires(ruleId, pairs);
		for (String produced : rule.produces()) {
			Evaluation.Derivation derivation = evaluation.finding(produced)
				.orElseThrow()
				.derivations()
				.stream()
				.filter((d) -> d.ruleId().equals(ruleId))
				.findFirst()
				.orElseThrow();
			assertThat(derivation.strength())
				.as("strength of %s's derivation of '%s' in %s", ruleId, produced, describe(pairs(pairs)))
				.isLessThanOrEqualTo(rule.strength());
			for (Premise premise : rule.premises()) {
				if (!premise.isCondition() && !premise.negated()) {
					assertThat(derivation.strength())
						.as("strength of %s's derivation of '%s', which builds on '%s'", ruleId, produced,
								premise.id())
						.isLessThanOrEqualTo(evaluation.finding(premise.id()).orElseThrow().strength());
				}
			}
		}
	}

	/** The premises of the rule that do not hold in the evaluation, for failure messages. */
	public static String unmet(RuleDef rule, Evaluation evaluation) {
		Set<String> concluded = concluded(evaluation);
		List<String> unmet = rule.premises()
			.stream()
			.filter((p) -> !p.holds(evaluation.conditions(), concluded))
			.map((p) -> p.isCondition()
					? p.id() + "=" + evaluation.conditions().get(p.id())
							+ (p.negated() ? " is one of the excluded " : " is not one of ") + p.acceptedValues()
					: "'" + p.id() + "' " + (p.negated() ? "holds" : "does not hold"))
			.toList();
		return unmet.isEmpty() ? "all its premises hold" : "unmet: " + unmet;
	}

	public static Set<String> concluded(Evaluation evaluation) {
		return evaluation.findings().stream().map(Evaluation.Finding::conclusionId).collect(Collectors.toSet());
	}

	static String describe(Map<String, String> overrides) {
		if (overrides.isEmpty()) {
			return "the defaults";
		}
		return "the defaults with " + overrides.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private static Map<String, String> pairs(String... pairs) {
		if (pairs.length % 2 != 0) {
			throw new IllegalArgumentException("overrides come in pairs of condition id and value: " + List.of(pairs));
		}
		Map<String, String> overrides = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (overrides.put(pairs[i], pairs[i + 1]) != null) {
				throw new IllegalArgumentException("condition '" + pairs[i] + "' is overridden twice");
			}
		}
		return overrides;
	}

	/** Where a conclusion has other derivations, a rule's doesNotFire test checks it still holds through them. */
	public static void assertStillHolds(Evaluation evaluation, String conclusionId, String throughRule) {
		assertThat(evaluation.finding(conclusionId)).as("'%s' should still hold through %s", conclusionId, throughRule)
			.hasValueSatisfying((f) -> assertThat(f.derivations()).anyMatch((d) -> d.ruleId().equals(throughRule)));
	}

	public static void assertDoesNotHold(Evaluation evaluation, String conclusionId) {
		assertThat(evaluation.holds(conclusionId)).as("'%s' should not hold", conclusionId).isFalse();
	}

}
