package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleBaseTests {

	@Test
	void anEvaluationIsStoppedAtTheFiringLimit() {
		RulePack pack = TestPacks.shipped().pack();
		int needed = TestPacks.shipped().evaluate(pack.defaults()).firings();
		// A limit equal to what the defaults need stops them: reaching the limit counts as not settling.
		RuleBase tight = RuleBase.build(pack, needed);
		assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> tight.evaluate(pack.defaults()))
			.withMessageContaining(needed + " firings");
		// The same rule base goes on serving evaluations that need fewer firings.
		Map<String, String> quiet = new HashMap<>(pack.defaults());
		quiet.putAll(Map.of("elite_believes_russia_key", "false", "western_engagement", "high", "western_lens",
				"nuanced", "russian_education_growth", "stable", "remittance_dependence", "low",
				"russian_citizenship_rising", "false", "armenia_new_government", "false", "oil_dependence", "low",
				"russian_soft_power_effort", "low", "russia_expects_membership", "false"));
		assertThat(tight.evaluate(quiet).firings()).isLessThan(needed);
	}

	@Test
	void rulesThatDefeatEachOtherAreReportedNotExplainedAway() {
		// R0.01 holds only without b, R0.02 derives b from a: there is no consistent end state.
		RuleBase looping = RuleBase.build(TestPacks.testPack("looping"), 500);
		assertThatExceptionOfType(UnsettledEvaluationException.class)
			.isThrownBy(() -> looping.evaluate(Map.of("switch", "true")))
			.withMessageContaining("R0.01");
		assertThat(looping.evaluate(Map.of("switch", "false")).findings()).isEmpty();
	}

	@Test
	void conclusionsAgreeWithTheFullEvaluationScenarioAfterScenario() {
		// conclusions() reuses pooled sessions: each must start clean, whatever the one before concluded.
		RuleBase ruleBase = TestPacks.shipped();
		java.util.SplittableRandom random = new java.util.SplittableRandom(42);
		for (int i = 0; i < 300; i++) {
			Map<String, String> values = new HashMap<>();
			ruleBase.pack().conditions()
				.forEach((c) -> values.put(c.id(), c.valueIds().get(random.nextInt(c.values().size()))));
			assertThat(ruleBase.conclusions(values)).as("scenario %d", i).containsExactlyInAnyOrderElementsOf(
					ruleBase.evaluate(values).findings().stream().map(Evaluation.Finding::conclusionId).toList());
		}
	}

	@Test
	void aPooledSessionThatNeverSettledServesTheNextScenarioClean() {
		RuleBase looping = RuleBase.build(TestPacks.testPack("looping"), 500);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> looping.conclusions(Map.of("switch", "true")));
			assertThat(looping.conclusions(Map.of("switch", "false"))).isEmpty();
		}
	}

	@Test
	void refusesIncompleteOrInvalidConditions() {
		RuleBase shipped = TestPacks.shipped();
		assertThatIllegalArgumentException().isThrownBy(() -> shipped.evaluate(Map.of("oil_price", "low")));
		Map<String, String> bad = new HashMap<>(shipped.pack().defaults());
		bad.put("oil_price", "cheap");
		assertThatIllegalArgumentException().isThrownBy(() -> shipped.evaluate(bad)).withMessageContaining("oil_price");
	}

	@Test
	void everyFindingIsDerivedDownToTheConditions() {
		RuleBase shipped = TestPacks.shipped();
		Evaluation evaluation = shipped.evaluate(shipped.pack().defaults());
		assertThat(evaluation.findings()).isNotEmpty().allSatisfy((f) -> {
			assertThat(f.derivations()).isNotEmpty();
			f.derivations().forEach((d) -> assertThat(d.premises()).allMatch(Evaluation.PremiseCheck::met));
		});
		// Each absent conclusion names, for every rule that could produce it, at least one unmet premise.
		assertThat(evaluation.absences()).allSatisfy((a) -> assertThat(a.attempts()).isNotEmpty()
			.allSatisfy((t) -> assertThat(t.unmet()).isNotEmpty()));
	}

	@Test
	void concurrentEvaluationsGiveTheSameResultsAsSequentialOnes() throws Exception {
		RuleBase shipped = TestPacks.shipped();
		Random random = new Random(20190301);
		List<Map<String, String>> scenarios = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Map<String, String> scenario = new HashMap<>();
			shipped.pack().conditions()
				.forEach((c) -> scenario.put(c.id(), c.valueIds().get(random.nextInt(c.valueIds().size()))));
			scenarios.add(scenario);
		}
		List<Evaluation> sequential = scenarios.stream().map(shipped::evaluate).toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Evaluation>> futures = new ArrayList<>();
			for (int round = 0; round < 4; round++) {
				scenarios.forEach((s) -> futures.add(pool.submit(() -> shipped.evaluate(s))));
			}
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % scenarios.size()));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
