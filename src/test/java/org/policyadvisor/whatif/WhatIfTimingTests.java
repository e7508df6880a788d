package org.policyadvisor.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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

	private static final int WARM_UP = 3;

	private static final int RUNS = 9;

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
	}

}
