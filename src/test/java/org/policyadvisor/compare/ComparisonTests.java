package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.Strength;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparisons of the shipped pack's scenarios, on known cases read from the DRL, and every explanation of every pair
 * of presets checked against the engine's own evaluations.
 */
class ComparisonTests {

	private final RuleBase ruleBase = TestPacks.shipped();

	private final RulePack pack = this.ruleBase.pack();

	/** Without saved sources no repository is needed. */
	private final ScenarioSources sources = new ScenarioSources(this.ruleBase, null);

	private Comparison compare(String... given) {
		ScenarioSources.Resolution resolution = this.sources.resolve(List.of(given));
		assertThat(resolution.problems()).isEmpty();
		assertThat(resolution.countError()).isNull();
		return Comparison.of(this.pack, resolution.scenarios());
	}

	/**
	 * ch06-economy-reform.drl: R0.08 concludes risk_economic_collapse from leadership_oil_price_dependent (R0.07: oil
	 * dependence high, reforms lacking, both early-2019 defaults) and a low oil price. Early 2019 has a medium one.
	 */
	@Test
	void aLowOilPriceBringsTheRiskOfEconomicCollapseThroughR008() {
		Comparison c = compare("defaults", "current:oil_price=low");
		assertThat(c.differing()).singleElement().satisfies((row) -> {
			assertThat(row.condition().id()).isEqualTo("oil_price");
			assertThat(row.values()).extracting(Comparison.ValueCell::value).containsExactly("medium", "low");
			assertThat(row.values()).extracting(Comparison.ValueCell::differsFromBaseline).containsExactly(false, true);
		});
		assertThat(c.same()).hasSize(this.pack.conditions().size() - 1);
		assertThat(c.conclusions()).singleElement().satisfies((row) -> {
			assertThat(row.conclusion().id()).isEqualTo("risk_economic_collapse");
			assertThat(row.strengths()).containsExactly(null, Strength.POSSIBLE);
			assertThat(row.explanations()).singleElement().satisfies((e) -> {
				assertThat(e.change()).isEqualTo(Comparison.Change.APPEARS);
				assertThat(e.holding().letter()).isEqualTo("B");
				assertThat(e.other().letter()).isEqualTo("A");
				assertThat(e.because()).singleElement().satisfies((p) -> {
					assertThat(p.origin().condition().id()).isEqualTo("oil_price");
					assertThat(p.origin().valueLabel()).isEqualTo("Low");
					assertThat(p.origin().otherLabel()).isEqualTo("Medium");
					assertThat(ruleIds(p)).containsExactly("R0.08");
				});
				// Where it does not hold, R0.08's unmet premise is the oil price, and nothing else.
				assertThat(e.blocked()).singleElement().satisfies((p) -> {
					assertThat(p.origin().condition().id()).isEqualTo("oil_price");
					assertThat(p.origin().value()).isEqualTo("medium");
					assertThat(p.origin().expected()).isEqualTo("Low");
					assertThat(ruleIds(p)).containsExactly("R0.08");
				});
				assertThat(e.unexplained()).isFalse();
			});
		});
		assertThat(c.risks()).hasSize(1);
		assertThat(c.recommendations()).isEmpty();
	}

	/**
	 * The same, one step further down: with a low oil price in both, a low oil dependence takes R0.07's effect away,
	 * and with it R0.08's risk. The chain names both rules, R0.07 first.
	 */
	@Test
	void lowOilDependenceRemovesTheRiskThroughR007ThenR008() {
		Comparison c = compare("current:oil_price=low", "current:oil_price=low&oil_dependence=low");
		assertThat(c.differing()).extracting((r) -> r.condition().id()).containsExactly("oil_dependence");
		Comparison.ConclusionRow risk = row(c, "risk_economic_collapse");
		assertThat(risk.strengths()).containsExactly(Strength.POSSIBLE, null);
		Comparison.PairExplanation e = risk.explanations().get(0);
		assertThat(e.change()).isEqualTo(Comparison.Change.DISAPPEARS);
		assertThat(e.holding().letter()).isEqualTo("A");
		assertThat(e.because()).singleElement().satisfies((p) -> {
			assertThat(p.origin().condition().id()).isEqualTo("oil_dependence");
			assertThat(p.origin().value()).isEqualTo("high");
			assertThat(p.origin().otherValue()).isEqualTo("low");
			assertThat(ruleIds(p)).containsExactly("R0.07", "R0.08");
			assertThat(p.steps()).extracting((s) -> s.produces().id())
				.containsExactly("leadership_oil_price_dependent", "risk_economic_collapse");
		});
		assertThat(e.blocked()).singleElement().satisfies((p) -> {
			assertThat(p.origin().value()).isEqualTo("low");
			assertThat(p.first().rule().id()).isEqualTo("R0.07");
			assertThat(p.rest()).extracting((s) -> s.rule().id()).containsExactly("R0.08");
		});
		// The intermediate effect differs too, and is explained on its own.
		assertThat(c.effects()).extracting((r) -> r.conclusion().id()).contains("leadership_oil_price_dependent");
	}

	@Test
	void theSameScenarioTwiceDiffersInNothing() {
		Comparison c = compare("preset:2016-april-war", "preset:2016-april-war");
		assertThat(c.differing()).isEmpty();
		assertThat(c.conclusions()).isEmpty();
		assertThat(c.same()).hasSize(this.pack.conditions().size());
	}

	@Test
	void withFourScenariosEachIsExplainedAgainstTheBaselineOnly() {
		Comparison c = compare("defaults", "current:oil_price=low", "current:oil_price=low", "current:oil_price=high");
		Comparison.ConclusionRow risk = row(c, "risk_economic_collapse");
		assertThat(risk.strengths()).containsExactly(null, Strength.POSSIBLE, Strength.POSSIBLE, null);
		assertThat(risk.explanations()).extracting((e) -> e.scenario().letter()).containsExactly("B", "C");
		assertThat(c.differing()).singleElement().satisfies((row) -> assertThat(row.values())
			.extracting(Comparison.ValueCell::differsFromBaseline).containsExactly(false, true, true, true));
	}

	/**
	 * audit-flawed's R1.09 recommends engagement only while R1.01's balance_eroding does not hold: no condition of
	 * R1.09 differs, and the explanation names the conclusion whose absence it needs, not an invented condition.
	 */
	@Test
	void aConclusionReachedThroughANegatedPremiseNamesTheConclusionItNeedsAbsent() {
		RuleBase flawed = RuleBase.build(TestPacks.testPack("audit-flawed"), 10_000);
		ScenarioSources.Resolution r = new ScenarioSources(flawed, null)
			.resolve(List.of("defaults", "current:western_engagement=medium"));
		Comparison c = Comparison.of(flawed.pack(), r.scenarios());
		assertThat(c.effects()).extracting((row) -> row.conclusion().id()).contains("balance_eroding");
		Comparison.PairExplanation e = c.recommendations().stream()
			.filter((row) -> row.conclusion().id().equals("rec_engage")).findFirst().orElseThrow().explanations().get(0);
		assertThat(e.change()).isEqualTo(Comparison.Change.APPEARS);
		assertThat(e.because()).singleElement().satisfies((p) -> {
			assertThat(p.origin().fromCondition()).isFalse();
			assertThat(p.origin().conclusion().id()).isEqualTo("balance_eroding");
			assertThat(p.origin().holds()).isFalse();
			assertThat(ruleIds(p)).containsExactly("R1.09");
		});
		assertThat(e.blocked()).singleElement().satisfies((p) -> {
			assertThat(p.origin().conclusion().id()).isEqualTo("balance_eroding");
			assertThat(p.origin().holds()).isTrue();
		});
		assertThat(c.differs("balance_eroding")).isTrue();
	}

	/**
	 * Every pair of the early-2019 situation and the presets, each way round: the conclusions that differ are exactly
	 * those the engine's fast path and strengths say differ, and every chain of every explanation is one the
	 * evaluations contain, starting from a condition that differs between the two.
	 */
	@Test
	void everyExplanationOfEveryPairOfPresetsIsBorneOutByTheEngine() {
		List<String> all = new ArrayList<>();
		all.add("defaults");
		this.pack.scenarios().stream().map((Scenario s) -> "preset:" + s.id()).forEach(all::add);
		Map<String, ComparedScenario> evaluated = new java.util.HashMap<>();
		for (String s : all) {
			evaluated.put(s, this.sources.resolve(List.of(s, s)).scenarios().get(0));
		}
		int explanations = 0;
		int chains = 0;
		int unexplained = 0;
		int longChains = 0;
		for (String a : all) {
			for (String b : all) {
				if (a.equals(b)) {
					continue;
				}
				ComparedScenario sa = evaluated.get(a);
				ComparedScenario sb = withLetter(evaluated.get(b), "B");
				Comparison c = Comparison.of(this.pack, List.of(sa, sb));
				Set<String> differingConditions = c.differing().stream().map((r) -> r.condition().id())
					.collect(Collectors.toSet());
				assertThat(differingConditions).as("%s vs %s", a, b)
					.isEqualTo(sa.conditions().keySet().stream()
						.filter((id) -> !sa.conditions().get(id).equals(sb.conditions().get(id)))
						.collect(Collectors.toSet()));
				assertThat(c.conclusions().stream().map((r) -> r.conclusion().id()).collect(Collectors.toSet()))
					.as("conclusions that differ, %s vs %s", a, b).isEqualTo(differingConclusions(sa, sb));
				for (Comparison.ConclusionRow row : c.conclusions()) {
					assertThat(row.explanations()).hasSize(1);
					Comparison.PairExplanation e = row.explanations().get(0);
					explanations++;
					if (e.unexplained()) {
						unexplained++;
					}
					for (Comparison.Path p : e.because()) {
						chains++;
						longChains += (p.steps().size() > 1) ? 1 : 0;
						assertThat(p.origin().fromCondition()).as("the shipped pack has no negated premises").isTrue();
						assertHoldingChain(row.conclusion().id(), p, e.holding(), e.other(), differingConditions);
					}
					for (Comparison.Path p : e.blocked()) {
						chains++;
						assertThat(p.origin().fromCondition()).as("the shipped pack has no negated premises").isTrue();
						assertBlockedChain(row.conclusion().id(), p, e.holding(), e.other(), differingConditions);
					}
				}
			}
		}
		assertThat(explanations).as("explanations checked").isGreaterThan(1000);
		assertThat(chains).isGreaterThan(explanations);
		assertThat(longChains).as("chains through intermediate effects").isPositive();
		// The shipped pack's rules reach every difference through a premise the engine can name.
		assertThat(unexplained).as("explanations that name no cause").isZero();
	}

	/** A chain where the conclusion holds: each rule fired there, feeds the next, and the first reads the origin. */
	private void assertHoldingChain(String conclusionId, Comparison.Path p, ComparedScenario holding,
			ComparedScenario other, Set<String> differingConditions) {
		Evaluation x = holding.evaluation();
		assertLinked(conclusionId, p);
		for (Comparison.Step step : p.steps()) {
			assertThat(x.finding(step.produces().id())).as("%s holds where %s fired", step.produces().id(),
					step.rule().id()).isPresent();
			assertThat(x.finding(step.produces().id()).orElseThrow().derivations())
				.as("derivations of %s", step.produces().id())
				.extracting(Evaluation.Derivation::ruleId).contains(step.rule().id());
		}
		RuleDef first = p.first().rule();
		if (p.origin().fromCondition()) {
			String id = p.origin().condition().id();
			assertThat(differingConditions).contains(id);
			assertThat(p.origin().value()).isEqualTo(holding.conditions().get(id));
			assertThat(p.origin().otherValue()).isEqualTo(other.conditions().get(id));
			Premise premise = premiseOn(first, id);
			assertThat(premise.holds(holding.conditions(), Set.of())).isTrue();
			assertThat(premise.holds(other.conditions(), Set.of())).as("%s's premise on %s fails in the other",
					first.id(), id).isFalse();
		}
		else {
			String id = p.origin().conclusion().id();
			assertThat(premiseOn(first, id).negated()).isTrue();
			assertThat(x.holds(id)).isFalse();
			assertThat(other.evaluation().holds(id)).isTrue();
		}
	}

	/** A chain where the conclusion does not hold: the first rule's premise on the origin is unmet there. */
	private void assertBlockedChain(String conclusionId, Comparison.Path p, ComparedScenario holding,
			ComparedScenario other, Set<String> differingConditions) {
		Evaluation y = other.evaluation();
		assertLinked(conclusionId, p);
		for (Comparison.Step step : p.steps()) {
			assertThat(y.holds(step.produces().id())).isFalse();
			assertThat(y.absence(step.produces().id()).orElseThrow().attempts()).extracting(Evaluation.Attempt::ruleId)
				.contains(step.rule().id());
		}
		RuleDef first = p.first().rule();
		Evaluation.Attempt attempt = y.absence(p.first().produces().id()).orElseThrow().attempts().stream()
			.filter((t) -> t.ruleId().equals(first.id())).findFirst().orElseThrow();
		String id = p.origin().fromCondition() ? p.origin().condition().id() : p.origin().conclusion().id();
		assertThat(attempt.unmet()).as("unmet premises of %s", first.id())
			.extracting((c) -> c.premise().id()).contains(id);
		if (p.origin().fromCondition()) {
			assertThat(differingConditions).contains(id);
			assertThat(p.origin().value()).isEqualTo(other.conditions().get(id));
		}
		else {
			assertThat(y.holds(id)).isTrue();
			assertThat(holding.evaluation().holds(id)).isFalse();
		}
	}

	/** Each step's rule produces its conclusion, the next rule reads it, and the last produces the one explained. */
	private static void assertLinked(String conclusionId, Comparison.Path p) {
		for (int i = 0; i < p.steps().size(); i++) {
			Comparison.Step step = p.steps().get(i);
			assertThat(step.rule().produces()).contains(step.produces().id());
			if (i + 1 < p.steps().size()) {
				assertThat(p.steps().get(i + 1).rule().reads()).contains(step.produces().id());
			}
		}
		assertThat(p.steps().get(p.steps().size() - 1).produces().id()).isEqualTo(conclusionId);
	}

	private static Premise premiseOn(RuleDef rule, String id) {
		return rule.premises().stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
	}

	/** From the fast path for what holds, and the evaluations for how strongly. */
	private Set<String> differingConclusions(ComparedScenario a, ComparedScenario b) {
		Set<String> inA = this.ruleBase.conclusions(a.conditions());
		Set<String> inB = this.ruleBase.conclusions(b.conditions());
		Set<String> differing = new HashSet<>();
		for (ConclusionDef c : this.pack.conclusions()) {
			boolean holdsA = inA.contains(c.id());
			boolean holdsB = inB.contains(c.id());
			Strength strengthA = a.evaluation().finding(c.id()).map(Evaluation.Finding::strength).orElse(null);
			Strength strengthB = b.evaluation().finding(c.id()).map(Evaluation.Finding::strength).orElse(null);
			if (holdsA != holdsB || !Objects.equals(strengthA, strengthB)) {
				differing.add(c.id());
			}
		}
		return differing;
	}

	private static ComparedScenario withLetter(ComparedScenario s, String letter) {
		return new ComparedScenario(letter, s.source(), s.canonical(), s.label(), s.kindLabel(), s.resultLink(),
				s.savedLink(), s.conditions(), s.ignored(), s.evaluation());
	}

	private static Comparison.ConclusionRow row(Comparison c, String id) {
		return c.conclusions().stream().filter((r) -> r.conclusion().id().equals(id)).findFirst().orElseThrow();
	}

	private static List<String> ruleIds(Comparison.Path p) {
		return p.steps().stream().map((s) -> s.rule().id()).toList();
	}

}
