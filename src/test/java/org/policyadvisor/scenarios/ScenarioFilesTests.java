package org.policyadvisor.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;
import org.policyadvisor.engine.ScenarioVerdict;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shipped pack's scenarios as tests, in the manner of KIE test scenarios: each file states conditions and the
 * conclusions the paper leads one to expect from them, and a change to the rules that breaks that expectation fails
 * here, naming the rule and premise that no longer meet it.
 */
class ScenarioFilesTests {

	private static final RuleBase RULE_BASE = TestPacks.shipped();

	private static final RulePack PACK = RULE_BASE.pack();

	private static final Path SCENARIOS = Path.of("rules", PACK.folder(), "scenarios");

	@TestFactory
	Stream<DynamicTest> everyScenarioLeadsToWhatItsFileExpects() {
		return PACK.scenarios().stream().map((s) -> DynamicTest.dynamicTest(s.title(),
				SCENARIOS.resolve(s.id() + Scenario.SUFFIX).toUri(), () -> {
					List<String> failures = ScenarioVerdict.failures(RULE_BASE, s);
					if (!failures.isEmpty()) {
						fail(s.file() + ": " + failures.size() + " expectation" + ((failures.size() == 1) ? "" : "s")
								+ " not met\n  - " + String.join("\n  - ", failures));
					}
				}));
	}

	/** Guards the factory above, which passes without a word when it finds nothing to test. */
	@Test
	void theShippedPackHasScenarioFilesAndLoadsEveryOne() throws IOException {
		List<String> files;
		try (Stream<Path> listing = Files.list(SCENARIOS)) {
			files = listing.map((p) -> p.getFileName().toString()).sorted().toList();
		}
		assertThat(files).isNotEmpty().allSatisfy((f) -> assertThat(f).endsWith(Scenario.SUFFIX));
		assertThat(PACK.scenarios()).extracting(Scenario::file)
			.containsExactlyElementsOf(files.stream().map((f) -> Scenario.FOLDER + f).toList());
		assertThat(PACK.scenarios()).extracting(Scenario::kind).contains(ScenarioKind.HISTORICAL, ScenarioKind.WHAT_IF);
	}

	/** A scenario that expects nothing would always pass, and so test nothing. */
	@Test
	void everyScenarioExpectsSomething() {
		assertThat(PACK.scenarios()).allSatisfy((s) -> assertThat(s.holds().size() + s.absent().size())
			.as("expectations of %s", s.file()).isPositive());
	}

	/** A historical scenario says when it applies; the picker shows it. */
	@Test
	void everyHistoricalScenarioHasAPeriodAndEveryScenarioASource() {
		assertThat(PACK.scenarios()).allSatisfy((s) -> {
			assertThat(s.source()).as("source of %s", s.file()).isNotBlank();
			if (s.kind() == ScenarioKind.HISTORICAL) {
				assertThat(s.period()).as("period of %s", s.file()).isNotBlank();
			}
		});
	}

	@Test
	void aConclusionThatDoesNotHoldIsExplainedByTheUnmetPremisesOfItsRules() {
		Scenario scenario = scenario(Map.of("russian_power_projection", "low"),
				List.of("risk_karabakh_policy_forced", "balance_eroding"), List.of());
		List<String> failures = ScenarioVerdict.failures(RULE_BASE, scenario);
		assertThat(failures).hasSize(2);
		assertThat(failures.get(0)).isEqualTo("risk_karabakh_policy_forced (Russia forces a change in Azerbaijan's"
				+ " policy on Nagorny Karabakh) did not hold: R6.05 needs russian_power_projection medium or high,"
				+ " scenario has low");
		// Every rule that could produce the conclusion is accounted for, the Summary's and chapter 2's.
		assertThat(failures.get(1)).startsWith("balance_eroding (Azerbaijan's balancing act between Russia and the West"
				+ " is eroding) did not hold: R0.01 needs russian_power_projection medium or high, scenario has low; ")
			.contains("R2.12 needs pro_western_balancing to hold, which it does not (");
	}

	@Test
	void anUnmetConclusionPremiseIsFollowedDownToTheConditions() {
		Scenario scenario = scenario(Map.of("western_engagement", "high"), List.of("rec_west_engage_regionally"),
				List.of());
		assertThat(ScenarioVerdict.failures(RULE_BASE, scenario)).singleElement().asString()
			.startsWith("rec_west_engage_regionally (Re-engage in South Caucasus affairs) did not hold: R6.28 needs"
					+ " balance_eroding to hold, which it does not (R0.01 needs western_engagement low, scenario has"
					+ " high; ")
			.contains("R2.12 needs pro_western_balancing to hold, which it does not (R2.07 needs"
					+ " presidential_control_of_foreign_policy to hold, which it does not");
	}

	@Test
	void aConclusionThatShouldBeAbsentIsExplainedByTheRulesThatProducedIt() {
		Scenario scenario = scenario(Map.of(), List.of(), List.of("balance_eroding"));
		assertThat(ScenarioVerdict.failures(RULE_BASE, scenario)).containsExactly(
				"balance_eroding (Azerbaijan's balancing act between Russia and the West is eroding) held, but should"
						+ " be absent: R0.01 produced it from western_engagement low, russian_power_projection high");
	}

	@Test
	void aScenarioWhoseExpectationsHoldHasNoFailures() {
		Scenario scenario = scenario(Map.of("oil_price", "high"), List.of("balance_eroding"),
				List.of("risk_economic_collapse"));
		assertThat(ScenarioVerdict.failures(RULE_BASE, scenario)).isEmpty();
	}

	@Test
	void anExplanationFollowsEachUnmetConclusionOnItsOwnLinesNamingItWhenARuleLacksSeveral() {
		ScenarioVerdict.WhyNot noRule = new ScenarioVerdict.WhyNot(List.of());
		ScenarioVerdict.WhyNot why = new ScenarioVerdict.WhyNot(List.of(
				new ScenarioVerdict.RuleNotFired("R1.01", List.of(
						new ScenarioVerdict.UnmetPremise("a", "a to hold, which it does not", noRule),
						new ScenarioVerdict.UnmetPremise("x", "x high, scenario has low", null))),
				new ScenarioVerdict.RuleNotFired("R1.02", List.of(
						new ScenarioVerdict.UnmetPremise("a", "a to hold, which it does not", noRule),
						new ScenarioVerdict.UnmetPremise("b", "b to hold, which it does not", noRule)))));
		ScenarioVerdict.Failure failure = new ScenarioVerdict.Failure("c", "C", ScenarioVerdict.Expected.HOLDS,
				List.of("R1.01 needs ...", "R1.02 needs ..."), why);
		assertThat(failure.explanation()).containsExactly(
				"R1.01 needs a to hold, which it does not and x high, scenario has low:",
				"  no rule produces it",
				"R1.02 needs a to hold, which it does not and b to hold, which it does not:",
				"  a:",
				"    no rule produces it",
				"  b:",
				"    no rule produces it");
		assertThat(failure.message()).isEqualTo("c (C) did not hold: R1.01 needs ...; R1.02 needs ...");
	}

	private static Scenario scenario(Map<String, String> conditions, List<String> holds, List<String> absent) {
		return new Scenario("test", "A test scenario", ScenarioKind.WHAT_IF, null, "For the verdict's messages.", null,
				conditions, holds, absent);
	}

}
