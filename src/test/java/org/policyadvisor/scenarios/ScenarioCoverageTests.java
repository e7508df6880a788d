package org.policyadvisor.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presets trainers load: every moment of the paper and every what-if they were promised is there, of the right
 * kind, and each historical moment is a situation of its own rather than a copy of another under a new name.
 */
class ScenarioCoverageTests {

	private static final RulePack PACK = TestPacks.shipped().pack();

	/** The moments the paper describes, from Elchibey's government to the paper's own present. */
	static final List<String> HISTORICAL = List.of("1992-93-elchibey", "1997-2003-heydar-aliyev-balancing",
			"2008-after-russia-georgia-war", "2013-presidential-election", "2014-15-after-crimea-ngo-crackdown",
			"2016-april-war", "2018-19-velvet-revolution");

	/** The what-ifs the paper raises or recommends. */
	static final List<String> WHAT_IF = List.of("what-if-west-reengages-nuanced", "what-if-oil-price-collapse",
			"what-if-mass-deportation-threat", "what-if-russia-brokered-settlement",
			"what-if-armenia-offers-direct-talks", "what-if-turkey-eaeu-customs-union", "what-if-genuine-reforms");

	@Test
	void everyHistoricalMomentIsAHistoricalScenario() {
		assertThat(PACK.scenarios()).filteredOn((s) -> s.kind() == ScenarioKind.HISTORICAL)
			.extracting(Scenario::id)
			.containsAll(HISTORICAL);
	}

	@Test
	void everyWhatIfIsAWhatIfScenario() {
		assertThat(PACK.scenarios()).filteredOn((s) -> s.kind() == ScenarioKind.WHAT_IF)
			.extracting(Scenario::id)
			.containsAll(WHAT_IF);
	}

	/** Two moments with the same answers would give the same advice, and one of them would teach nothing. */
	@Test
	void historicalScenariosDifferFromEachOtherInTheirFullConditions() {
		List<Scenario> historical = PACK.scenarios().stream().filter((s) -> s.kind() == ScenarioKind.HISTORICAL)
			.toList();
		List<String> twins = new ArrayList<>();
		for (int i = 0; i < historical.size(); i++) {
			Map<String, String> first = PACK.conditionsOf(historical.get(i));
			for (int j = i + 1; j < historical.size(); j++) {
				if (first.equals(PACK.conditionsOf(historical.get(j)))) {
					twins.add(historical.get(i).id() + " = " + historical.get(j).id());
				}
			}
		}
		assertThat(historical).hasSizeGreaterThanOrEqualTo(HISTORICAL.size());
		assertThat(twins).as("historical scenarios with the same conditions").isEmpty();
	}

	/** A scenario tests the rules both ways: what the paper says held then, and what it says did not. */
	@Test
	void everyScenarioExpectsAtLeastThreeConclusionsToHoldAndTwoToBeAbsent() {
		assertThat(PACK.scenarios()).allSatisfy((s) -> {
			assertThat(s.holds()).as("expect.holds of %s", s.file()).hasSizeGreaterThanOrEqualTo(3);
			assertThat(s.absent()).as("expect.absent of %s", s.file()).hasSizeGreaterThanOrEqualTo(2);
		});
	}

}
