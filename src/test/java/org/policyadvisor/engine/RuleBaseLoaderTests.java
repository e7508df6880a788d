package org.policyadvisor.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule base as the application builds it at start-up, with the engine's switches. */
class RuleBaseLoaderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EngineConfiguration.class);

	@Test
	void theEngineWarmUpEvaluatesTheDefaultsAndEveryScenarioIntoTheCache() {
		this.runner.withPropertyValues("advisor.warm-up=engine").run((context) -> {
			RuleBase ruleBase = context.getBean(RuleBase.class);
			RulePack pack = ruleBase.pack();
			Set<Map<String, String>> distinct = new HashSet<>();
			distinct.add(pack.defaults());
			pack.scenarios().forEach((s) -> distinct.add(pack.conditionsOf(s)));
			EvaluationCache.Stats warmed = ruleBase.cache().stats();
			assertThat(warmed.outcomes()).isEqualTo(distinct.size());
			distinct.forEach(ruleBase::evaluate);
			// Every one of them was already there: no rule ran again.
			assertThat(ruleBase.cache().stats().outcomeMisses()).isEqualTo(warmed.outcomeMisses());
			assertThat(ruleBase.cache().stats().outcomes()).isEqualTo(distinct.size());
		});
	}

	@Test
	void withoutWarmUpNothingIsEvaluatedAtStartUp() {
		this.runner.withPropertyValues("advisor.warm-up=none").run((context) -> {
			assertThat(context.getBean(RuleBase.class).cache().stats().outcomes()).isZero();
		});
	}

	@Test
	void theCacheCanBeSwitchedOffAndSized() {
		this.runner.withPropertyValues("advisor.cache.enabled=false").run((context) -> {
			assertThat(context.getBean(RuleBase.class).cache().enabled()).isFalse();
		});
		this.runner.withPropertyValues("advisor.cache.max-outcomes=2", "advisor.cache.max-explanations=1",
				"advisor.warm-up=engine").run((context) -> {
					EvaluationCache.Stats stats = context.getBean(RuleBase.class).cache().stats();
					assertThat(stats.outcomes()).isLessThanOrEqualTo(2);
					assertThat(stats.explanations()).isLessThanOrEqualTo(1);
				});
	}

	@Test
	void theDrlCanBeCompiledAtStartUpInsteadOfLoadedPrecompiled() {
		this.runner.withPropertyValues("advisor.precompiled=false", "advisor.warm-up=none").run((context) -> {
			assertThat(context.getBean(RuleBase.class).precompiled()).isFalse();
			assertThat(context.getBean(RulePack.class).rules()).hasSize(132);
		});
	}

	@Test
	void aBrokenPackStopsTheStartUpWithItsFileAndLineWhicheverThreadBuiltIt() {
		for (String parallel : new String[] { "true", "false" }) {
			this.runner.withPropertyValues("advisor.rules-location=classpath:packs/", "advisor.pack=does-not-compile",
					"advisor.parallel-start=" + parallel).run((context) -> {
						assertThat(context).hasFailed();
						assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PackValidationException.class)
							.hasMessageContaining("rules.drl:1");
					});
		}
	}

}
