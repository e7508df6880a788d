package org.policyadvisor.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Cross-checks the premises the pack loader reads from the DRL (which drive explanations, absences and the
 * fired-rule list) against what Drools actually does with the same DRL. Scenarios that make a rule fire are found
 * from the static premises alone, without asking Drools, so that Drools' answer is an independent check.
 */
class PremiseConsistencyTests {

	private static final long SEED = 20190301L;

	private static final int RANDOM_SCENARIOS = 400;

	// Bounds the alternatives the search keeps at each step; the first few are enough to find one that fires.
	private static final int MAX_ALTERNATIVES = 64;

	private final RuleBase ruleBase = TestPacks.shipped();

	private final RulePack pack = this.ruleBase.pack();

	// Without negated premises a fact, once concluded, stays concluded, so Drools fires each rule at most once and
	// only when its premises hold; with negation, truth maintenance may retract earlier firings.
	private final boolean monotone = this.pack.rules()
		.stream()
		.flatMap((r) -> r.premises().stream())
		.noneMatch(Premise::negated);

	@TestFactory
	Stream<DynamicContainer> everyConditionPremiseDecidesWhetherItsRuleFires() {
		return this.pack.rules().stream().map((rule) -> dynamicContainer(rule.name(), casesFor(rule)));
	}

	private Stream<DynamicTest> casesFor(RuleDef rule) {
		Optional<Map<String, String>> firing = firingScenario(rule);
		if (firing.isEmpty()) {
			return Stream.of(dynamicTest("fires in some scenario",
					() -> fail(rule.id() + " (" + rule.location() + ") can never fire: no values of the conditions"
							+ " satisfy all its premises " + rule.premises())));
		}
		Map<String, String> scenario = firing.get();
		List<DynamicTest> tests = new ArrayList<>();
		tests.add(dynamicTest("fires with " + changes(scenario), () -> {
			Evaluation evaluation = this.ruleBase.evaluate(scenario);
			assertThat(evaluation.firedRules())
				.as(() -> rule.id() + " should fire with " + changes(scenario) + ", where its premises hold"
						+ " as the loader read them, but Drools did not fire it")
				.contains(rule.id());
			assertEveryFiringIsAccountedFor(evaluation);
		}));
		for (Premise premise : rule.premises()) {
			if (!premise.isCondition()) {
				continue;
			}
			List<String> failing = failingValues(premise);
			if (failing.isEmpty()) {
				tests.add(dynamicTest(premise.id() + " can fail", () -> fail(rule.id() + " (" + rule.location()
						+ ") tests " + premise.id() + " for a value it always has: the premise is vacuous")));
			}
			for (String value : failing) {
				Map<String, String> broken = new LinkedHashMap<>(scenario);
				broken.put(premise.id(), value);
				tests.add(dynamicTest("does not fire with " + premise.id() + "=" + value, () -> {
					Evaluation evaluation = this.ruleBase.evaluate(broken);
					assertThat(evaluation.firedRules())
						.as("%s with %s, where %s=%s fails its premise %s", rule.id(), changes(scenario),
								premise.id(), value, premise)
						.doesNotContain(rule.id());
					assertEveryFiringIsAccountedFor(evaluation);
				}));
			}
		}
		return tests.stream();
	}

	@Test
	void aRuleFiresExactlyWhenAllItsPremisesHoldInRandomScenarios() {
		List<String> mismatches = new ArrayList<>();
		List<Map<String, String>> scenarios = randomScenarios();
		for (int i = 0; i < scenarios.size(); i++) {
			Map<String, String> scenario = scenarios.get(i);
			Evaluation evaluation = this.ruleBase.evaluate(scenario);
			Set<String> concluded = RuleHarness.concluded(evaluation);
			List<String> fired = evaluation.firedRules();
			for (RuleDef rule : this.pack.rules()) {
				boolean premisesHold = rule.premises().stream().allMatch((p) -> p.holds(scenario, concluded));
				if (premisesHold != fired.contains(rule.id())) {
					mismatches.add("scenario " + i + ": " + rule.id() + (premisesHold
							? " did not fire although all its premises hold" : " fired although "
									+ RuleHarness.unmet(rule, evaluation))
							+ " with " + changes(scenario));
				}
			}
			if (this.monotone && evaluation.firings() != fired.size()) {
				mismatches.add("scenario " + i + ": Drools made " + evaluation.firings() + " firings for the "
						+ fired.size() + " rules whose premises hold " + fired + " with " + changes(scenario));
			}
			for (Evaluation.Finding finding : evaluation.findings()) {
				for (Evaluation.Derivation derivation : finding.derivations()) {
					RuleDef rule = this.pack.rule(derivation.ruleId()).orElseThrow();
					if (derivation.strength().compareTo(rule.strength()) > 0) {
						mismatches.add("scenario " + i + ": " + rule.id() + " derives '" + finding.conclusionId()
								+ "' as " + derivation.strength() + ", stronger than its own " + rule.strength());
					}
				}
			}
		}
		if (!mismatches.isEmpty()) {
			fail(mismatches.size() + " mismatch(es) between the loader's premises and Drools over "
					+ scenarios.size() + " scenarios (seed " + SEED + "):\n  - "
					+ String.join("\n  - ", mismatches.subList(0, Math.min(40, mismatches.size())))
					+ ((mismatches.size() > 40) ? "\n  ..." : ""));
		}
	}

	@Test
	void randomScenariosMakeEveryRuleBothFireAndNotFire() {
		// Otherwise the random cross-check above would say nothing about the rules it never (or always) sees fire.
		Set<String> seenFiring = new TreeSet<>();
		Set<String> seenNotFiring = new TreeSet<>();
		for (Map<String, String> scenario : randomScenarios()) {
			List<String> fired = this.ruleBase.evaluate(scenario).firedRules();
			for (RuleDef rule : this.pack.rules()) {
				(fired.contains(rule.id()) ? seenFiring : seenNotFiring).add(rule.id());
			}
		}
		List<String> ids = this.pack.rules().stream().map(RuleDef::id).toList();
		assertThat(seenFiring).as("rules that fire in at least one of %d random scenarios; raise RANDOM_SCENARIOS"
				+ " if a rule needs a rare combination", RANDOM_SCENARIOS).containsAll(ids);
		assertThat(seenNotFiring).as("rules that do not fire in at least one of %d random scenarios",
				RANDOM_SCENARIOS).containsAll(ids);
	}

	private void assertEveryFiringIsAccountedFor(Evaluation evaluation) {
		if (this.monotone) {
			// The fired-rule list keeps only firings whose premises hold as the loader read them; a firing that
			// Drools made on a premise the loader reads differently would be dropped silently, but still counted.
			assertThat(evaluation.firings())
				.as("Drools firings, against the rules whose premises hold %s", evaluation.firedRules())
				.isEqualTo(evaluation.firedRules().size());
		}
	}

	private List<Map<String, String>> randomScenarios() {
		Random random = new Random(SEED);
		List<Map<String, String>> scenarios = new ArrayList<>();
		for (int i = 0; i < RANDOM_SCENARIOS; i++) {
			Map<String, String> scenario = new LinkedHashMap<>();
			for (ConditionDef condition : this.pack.conditions()) {
				List<String> values = condition.valueIds();
				scenario.put(condition.id(), values.get(random.nextInt(values.size())));
			}
			scenarios.add(scenario);
		}
		return scenarios;
	}

	// --- Finding a scenario from the static premises ----------------------------------------------------------

	/**
	 * The defaults, changed as the premises require: the first accepted value of each condition premise, and for
	 * each conclusion premise the premises of one rule producing it, recursively. Alternatives are tried in order
	 * until one that makes the rule fire by the static premises is found.
	 */
	private Optional<Map<String, String>> firingScenario(RuleDef rule) {
		for (Map<String, String> assignment : satisfy(rule, Map.of(), Set.of())) {
			Map<String, String> scenario = this.pack.defaults();
			scenario.putAll(assignment);
			Set<String> concluded = staticConclusions(scenario);
			if (rule.premises().stream().allMatch((p) -> p.holds(scenario, concluded))) {
				return Optional.of(scenario);
			}
		}
		return Optional.empty();
	}

	/** Partial assignments, each extending {@code base}, under which every premise of the rule holds. */
	private List<Map<String, String>> satisfy(RuleDef rule, Map<String, String> base, Set<String> path) {
		List<Map<String, String>> alternatives = List.of(base);
		for (Premise premise : rule.premises()) {
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> partial : alternatives) {
				next.addAll(meet(premise, partial, path));
			}
			alternatives = capped(next);
		}
		return alternatives;
	}

	private List<Map<String, String>> meet(Premise premise, Map<String, String> partial, Set<String> path) {
		if (premise.isCondition()) {
			return assign(partial, premise.id(), acceptedValues(premise));
		}
		return premise.negated() ? refute(premise.id(), partial, path) : establish(premise.id(), partial, path);
	}

	private List<Map<String, String>> breakPremise(Premise premise, Map<String, String> partial, Set<String> path) {
		if (premise.isCondition()) {
			return assign(partial, premise.id(), failingValues(premise));
		}
		return premise.negated() ? establish(premise.id(), partial, path) : refute(premise.id(), partial, path);
	}

	private List<Map<String, String>> establish(String conclusionId, Map<String, String> partial, Set<String> path) {
		// A conclusion cannot be established by going round a cycle back to itself.
		if (path.contains("+" + conclusionId)) {
			return List.of();
		}
		Set<String> deeper = with(path, "+" + conclusionId);
		List<Map<String, String>> alternatives = new ArrayList<>();
		for (RuleDef producer : this.pack.rulesProducing(conclusionId)) {
			alternatives.addAll(satisfy(producer, partial, deeper));
		}
		return capped(alternatives);
	}

	private List<Map<String, String>> refute(String conclusionId, Map<String, String> partial, Set<String> path) {
		// Round a cycle, the conclusion is not supported unless something outside the cycle supports it.
		if (path.contains("-" + conclusionId)) {
			return List.of(partial);
		}
		Set<String> deeper = with(path, "-" + conclusionId);
		List<Map<String, String>> alternatives = List.of(partial);
		for (RuleDef producer : this.pack.rulesProducing(conclusionId)) {
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> candidate : alternatives) {
				for (Premise premise : producer.premises()) {
					next.addAll(breakPremise(premise, candidate, deeper));
				}
			}
			alternatives = capped(next);
		}
		return alternatives;
	}

	private static List<Map<String, String>> assign(Map<String, String> partial, String conditionId,
			List<String> values) {
		List<Map<String, String>> alternatives = new ArrayList<>();
		for (String value : values) {
			String assigned = partial.get(conditionId);
			if (assigned == null) {
				Map<String, String> extended = new LinkedHashMap<>(partial);
				extended.put(conditionId, value);
				alternatives.add(extended);
			}
			else if (assigned.equals(value)) {
				alternatives.add(partial);
			}
		}
		return alternatives;
	}

	/** The values that satisfy a condition premise, the premise's own order first. */
	private List<String> acceptedValues(Premise premise) {
		List<String> catalogue = catalogue(premise.id());
		return premise.negated()
				? catalogue.stream().filter((v) -> !premise.acceptedValues().contains(v)).toList()
				: premise.acceptedValues().stream().filter(catalogue::contains).toList();
	}

	private List<String> failingValues(Premise premise) {
		List<String> accepted = acceptedValues(premise);
		return catalogue(premise.id()).stream().filter((v) -> !accepted.contains(v)).toList();
	}

	private List<String> catalogue(String conditionId) {
		return this.pack.condition(conditionId).orElseThrow().valueIds();
	}

	/** Forward chaining over the static premises: what the loader's reading of the DRL says will be concluded. */
	private Set<String> staticConclusions(Map<String, String> scenario) {
		Set<String> concluded = new HashSet<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			for (RuleDef rule : this.pack.rules()) {
				if (rule.premises().stream().allMatch((p) -> p.holds(scenario, concluded))) {
					changed |= concluded.addAll(rule.produces());
				}
			}
		}
		return concluded;
	}

	private String changes(Map<String, String> scenario) {
		Map<String, String> defaults = this.pack.defaults();
		Map<String, String> changed = new LinkedHashMap<>();
		scenario.forEach((id, value) -> {
			if (!value.equals(defaults.get(id))) {
				changed.put(id, value);
			}
		});
		return RuleHarness.describe(changed);
	}

	private static List<Map<String, String>> capped(List<Map<String, String>> alternatives) {
		return (alternatives.size() > MAX_ALTERNATIVES) ? alternatives.subList(0, MAX_ALTERNATIVES) : alternatives;
	}

	private static Set<String> with(Set<String> set, String element) {
		Set<String> extended = new HashSet<>(set);
		extended.add(element);
		return extended;
	}

}
