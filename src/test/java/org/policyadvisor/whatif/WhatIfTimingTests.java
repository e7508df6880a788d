package org.policyadvisor.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the analysis of the early-2019 defaults, warm, for the figures in the lead's notes:
 * {@code ./mvnw test -Dtest=WhatIfTimingTests -Dwhatif.timing=true}. Off by default: it asserts no time, only that
 * every run gives the same analysis, and a timed run is no use on a machine busy with the rest of the suite.
 */
@EnabledIfSystemProperty(named = "whatif.timing", matches = "true")
class WhatIfTimingTests {

	private static final int WARM_UP = 5;

	private static final int RUNS = 15;

	@Test
	void timesTheAnalysisOfTheEarly2019Defaults() {
		RuleBase ruleBase = TestPacks.shipped();
		WhatIfAnalysis analysis = new WhatIfAnalysis(ruleBase);
		Map<String, String> defaults = ruleBase.pack().defaults();
		WhatIf first = analysis.analyse(defaults);
		for (int i = 1; i < WARM_UP; i++) {
			analysis.analyse(defaults);
		}
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			WhatIf again = analysis.analyse(defaults);
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(again.outlooks()).isEqualTo(first.outlooks());
			assertThat(again.figures().evaluations()).isEqualTo(first.figures().evaluations());
		}
		List<Long> sorted = millis.stream().sorted().toList();
		WhatIf.Figures f = first.figures();
		System.out.printf("what-if timing: median %d ms of %d warm runs %s; %d evaluations (%d single changes,"
				+ " %d pairs, %d unsettled); %d cores%n", sorted.get(RUNS / 2), RUNS, millis, f.evaluations(),
				f.singleChanges(), f.pairs(), f.unsettled(), Runtime.getRuntime().availableProcessors());
		first.outlooks().forEach((o) -> System.out.printf("  %-45s holds=%-5s needs=%d found=%d cone=%d%n",
				o.conclusion().id(), o.holdsNow(), o.changesNeeded(), o.found(), o.cone()));

		// What the pair search would cost without its economies, for comparison: each conclusion's cone searched
		// separately (no sharing), and every pair of every two conditions (no cone), the latter run and timed here.
		List<ConditionDef> defs = ruleBase.pack().conditions();
		long perCone = first.outlooks().stream().filter((o) -> o.changesNeeded() != 1).mapToLong((o) -> {
			List<Integer> alternatives = analysis.coneOf(o.conclusion().id()).stream()
				.map((id) -> ruleBase.pack().condition(id).orElseThrow().values().size() - 1)
				.toList();
			return pairCount(alternatives);
		}).sum();
		List<Integer> all = defs.stream().map((d) -> d.values().size() - 1).toList();
		long start = System.nanoTime();
		int run = 0;
		for (int a = 0; a < defs.size(); a++) {
			for (int b = a + 1; b < defs.size(); b++) {
				for (String va : defs.get(a).valueIds()) {
					for (String vb : defs.get(b).valueIds()) {
						if (!va.equals(defaults.get(defs.get(a).id())) && !vb.equals(defaults.get(defs.get(b).id()))) {
							Map<String, String> changed = new LinkedHashMap<>(defaults);
							changed.put(defs.get(a).id(), va);
							changed.put(defs.get(b).id(), vb);
							ruleBase.conclusions(changed);
							run++;
						}
					}
				}
			}
		}
		long everyPairMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(run).isEqualTo(pairCount(all));
		System.out.printf("what-if pairs: %d run (cones, shared); %d if each conclusion's cone were searched"
				+ " separately; %d without cones, which take %d ms to run%n", f.pairs(), perCone, run, everyPairMillis);
	}

	/** Pairs of changes of two different conditions, given each condition's number of other values. */
	private static long pairCount(List<Integer> alternatives) {
		long pairs = 0;
		for (int a = 0; a < alternatives.size(); a++) {
			for (int b = a + 1; b < alternatives.size(); b++) {
				pairs += (long) alternatives.get(a) * alternatives.get(b);
			}
		}
		return pairs;
	}

}
