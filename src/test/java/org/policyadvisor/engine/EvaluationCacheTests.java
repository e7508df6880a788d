package org.policyadvisor.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EvaluationCacheTests {

	private static RuleBase shippedWith(EvaluationCache cache) {
		return RuleBase.build(TestPacks.shipped().pack(), 10_000, cache, true);
	}

	@Test
	void aRepeatedEvaluationIsServedFromTheCacheAsTheSameResult() {
		RuleBase ruleBase = shippedWith(EvaluationCache.bounded(100, 100));
		Map<String, String> defaults = ruleBase.pack().defaults();
		Evaluation first = ruleBase.evaluate(defaults);
		// Another map with the same conditions is the same key; the second time, the explanation is kept.
		Evaluation second = ruleBase.evaluate(new HashMap<>(defaults));
		Evaluation third = ruleBase.evaluate(defaults);
		assertThat(second).isEqualTo(first);
		assertThat(third).isSameAs(second);
		assertThat(ruleBase.conclusions(defaults)).containsExactlyInAnyOrderElementsOf(
				first.findings().stream().map(Evaluation.Finding::conclusionId).toList());
		EvaluationCache.Stats stats = ruleBase.cache().stats();
		// The rules ran once: the second evaluation and conclusions() found the outcome the first had stored.
		assertThat(stats.outcomeMisses()).isEqualTo(1);
		assertThat(stats.outcomeHits()).isEqualTo(2);
		assertThat(stats.explanationMisses()).isEqualTo(2);
		assertThat(stats.explanationHits()).isEqualTo(1);
		assertThat(stats.explanations()).isEqualTo(1);
	}

	@Test
	void anExplanationAskedForOnceIsNotKept() {
		RuleBase ruleBase = shippedWith(EvaluationCache.bounded(1_000, 1_000));
		random(ruleBase.pack(), 30, 5).forEach(ruleBase::evaluate);
		assertThat(ruleBase.cache().stats().outcomes()).isEqualTo(30);
		assertThat(ruleBase.cache().stats().explanations()).isZero();
	}

	@Test
	void cachedResultsAreTheResultsOfRunningTheRules() {
		RuleBase cached = shippedWith(EvaluationCache.bounded(1_000, 1_000));
		RuleBase uncached = shippedWith(EvaluationCache.disabled());
		for (Map<String, String> scenario : random(cached.pack(), 50, 7)) {
			assertThat(cached.evaluate(scenario)).isEqualTo(uncached.evaluate(scenario));
			assertThat(cached.evaluate(scenario)).isEqualTo(uncached.evaluate(scenario));
			assertThat(cached.conclusions(scenario)).isEqualTo(uncached.conclusions(scenario));
		}
	}

	@Test
	void theCacheKeepsNoMoreThanItsBounds() {
		RuleBase ruleBase = shippedWith(EvaluationCache.bounded(20, 5));
		for (Map<String, String> scenario : random(ruleBase.pack(), 200, 11)) {
			ruleBase.evaluate(scenario);
		}
		EvaluationCache.Stats stats = ruleBase.cache().stats();
		assertThat(stats.outcomeMisses()).isEqualTo(200);
		assertThat(stats.outcomes()).isLessThanOrEqualTo(20);
		assertThat(stats.explanations()).isLessThanOrEqualTo(5);
	}

	@Test
	void ruleBasesSharingACacheNeverShareAnEntry() {
		EvaluationCache shared = EvaluationCache.bounded(1_000, 1_000);
		RuleBase one = shippedWith(shared);
		RuleBase another = shippedWith(shared);
		RuleBase otherPack = RuleBase.build(TestPacks.testPack("minimal-valid"), 1_000, shared, true);
		assertThat(another.version()).isNotEqualTo(one.version());
		Map<String, String> defaults = one.pack().defaults();
		one.conclusions(defaults);
		another.conclusions(defaults);
		otherPack.conclusions(otherPack.pack().defaults());
		// The same pack built twice gives equal results, but each rule base ran its own rules.
		assertThat(shared.stats().outcomeMisses()).isEqualTo(3);
		assertThat(shared.stats().outcomeHits()).isZero();
		assertThat(shared.stats().outcomes()).isEqualTo(3);
		Evaluation fromOne = one.evaluate(defaults);
		Evaluation fromAnother = another.evaluate(defaults);
		assertThat(fromAnother).isEqualTo(fromOne).isNotSameAs(fromOne);
		assertThat(one.evaluate(defaults)).isSameAs(fromOne);
		assertThat(another.evaluate(defaults)).isSameAs(fromAnother);
		assertThat(shared.stats().explanations()).isEqualTo(2);
	}

	@Test
	void aDisabledCacheRunsTheRulesEveryTime() {
		RuleBase ruleBase = shippedWith(new EngineProperties.Cache(false, 100, 100).create());
		assertThat(ruleBase.cache().enabled()).isFalse();
		Map<String, String> defaults = ruleBase.pack().defaults();
		Evaluation first = ruleBase.evaluate(defaults);
		assertThat(ruleBase.evaluate(defaults)).isEqualTo(first).isNotSameAs(first);
		assertThat(ruleBase.cache().stats()).isEqualTo(new EvaluationCache.Stats(0, 0, 0, 0, 0, 0));
	}

	@Test
	void anEnabledCacheComesFromTheProperties() {
		EvaluationCache cache = new EngineProperties.Cache(true, 3, 2).create();
		RuleBase ruleBase = shippedWith(cache);
		random(ruleBase.pack(), 10, 3).forEach(ruleBase::evaluate);
		assertThat(cache.enabled()).isTrue();
		assertThat(cache.stats().outcomes()).isLessThanOrEqualTo(3);
		assertThat(cache.stats().explanations()).isLessThanOrEqualTo(2);
	}

	@Test
	void rulesThatNeverSettleAreReportedFromTheCacheToo() {
		RuleBase looping = RuleBase.build(TestPacks.testPack("looping"), 500, EvaluationCache.bounded(10, 10), true);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> looping.evaluate(Map.of("switch", "true")))
				.withMessageContaining("R0.01");
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> looping.conclusions(Map.of("switch", "true")));
		}
		assertThat(looping.cache().stats().outcomeMisses()).isEqualTo(1);
	}

	@Test
	void sharedResultsCannotBeChangedByTheirUsers() {
		RuleBase ruleBase = shippedWith(EvaluationCache.bounded(10, 10));
		Map<String, String> defaults = ruleBase.pack().defaults();
		Set<String> holding = ruleBase.conclusions(defaults);
		Evaluation evaluation = ruleBase.evaluate(defaults);
		assertThat(holding).isUnmodifiable();
		assertThat(evaluation.conditions()).isUnmodifiable().isEqualTo(defaults);
		assertThat(evaluation.findings()).isUnmodifiable();
		assertThat(evaluation.absences()).isUnmodifiable();
	}

	static List<Map<String, String>> random(RulePack pack, int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> {
			Map<String, String> values = new HashMap<>();
			pack.conditions().forEach((c) -> values.put(c.id(), c.valueIds().get(random.nextInt(c.values().size()))));
			return values;
		}).toList();
	}

}
