package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped pack and the scenarios the benchmarks evaluate: the pack's scenario files, and random ones. */
public final class BenchScenarios {

	private BenchScenarios() {
	}

	/** The shipped pack as packaged (target/classes/rules, on the benchmarks' classpath). */
	public static RulePack shippedPack() {
		return new PackReader(new PathMatchingResourcePatternResolver(), "classpath:rules/").read(null);
	}

	/** Every scenario file of the pack, as complete conditions. */
	public static List<Map<String, String>> scenarioFiles(RulePack pack) {
		return pack.scenarios().stream().map(pack::conditionsOf).toList();
	}

	/** Random complete scenarios (every condition takes a value at random), seeded, without unsettled ones. */
	public static List<Map<String, String>> random(RuleBase ruleBase, int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Map<String, String>> scenarios = new ArrayList<>();
		while (scenarios.size() < count) {
			Map<String, String> values = new LinkedHashMap<>();
			for (ConditionDef c : ruleBase.pack().conditions()) {
				values.put(c.id(), c.valueIds().get(random.nextInt(c.valueIds().size())));
			}
			try {
				ruleBase.conclusions(values);
				scenarios.add(values);
			}
			catch (UnsettledEvaluationException ex) {
				// An error case, not what the benchmarks time.
			}
		}
		return scenarios;
	}

}
