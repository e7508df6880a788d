package org.policyadvisor.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyadvisor.audit.VerificationReport.ConflictCheck;
import org.policyadvisor.audit.VerificationReport.Reach;
import org.policyadvisor.audit.VerificationReport.RuleCheck;
import org.policyadvisor.audit.VerificationReport.UnusedEntry;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The verifier on {@code packs/audit-flawed}, which the loader accepts but which holds one flaw of each kind, and on
 * the shipped pack with fewer random scenarios than {@code verify} runs (the full run is the command's, see
 * docs/verification.md).
 */
class VerifierTests {

	/** Small enough for the exhaustive sweep: 3 × 2 × 2 × 2 × 2 = 48 scenarios. */
	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class FlawedPack {

		private RuleBase ruleBase;

		private VerificationReport report;

		@BeforeAll
		void verify() {
			this.ruleBase = RuleBase.build(TestPacks.testPack("audit-flawed"), 10_000);
			this.report = new Verifier(this.ruleBase, Verifier.Settings.DEFAULT).verify();
		}

		@Test
		void searchesTheWholeSpaceWhenItIsSmall() {
			assertThat(this.report.search().mode()).isEqualTo("exhaustive");
			assertThat(this.report.search().spaceSize()).isEqualTo("48");
			assertThat(this.report.search().sweepScenarios()).isEqualTo(48);
			assertThat(this.report.search().randomScenarios()).isZero();
		}

		@Test
		void findsAWitnessForEveryRuleThatCanFireAndTheEngineConfirmsIt() {
			assertThat(this.report.rules()).filteredOn(RuleCheck::fires).extracting(RuleCheck::ruleId)
				.containsExactly("R1.01", "R1.02", "R1.04", "R1.09", "R1.10");
			assertThat(this.report.rules()).filteredOn(RuleCheck::fires).allSatisfy((r) -> assertThat(
					this.ruleBase.evaluate(r.witness().conditions()).firedRules()).as(r.ruleId()).contains(r.ruleId()));
			// R1.01 fires on the defaults: nothing needs changing.
			assertThat(rule("R1.01").witness().changes()).isEmpty();
			assertThat(rule("R1.01").witness().conditions()).hasSize(5);
		}

		@Test
		void aWitnessForARuleWithANegationBlocksWhatItMustNotSee() {
			// R1.09 needs "not balance_eroding": its only producer, R1.01, must be kept from firing.
			RuleCheck engage = rule("R1.09");
			assertThat(engage.foundBy()).isEqualTo("backward search");
			assertThat(engage.witness().changes()).containsOnlyKeys("western_engagement");
			assertThat(engage.witness().changes().get("western_engagement")).isIn("medium", "high");
			assertThat(engage.witness().query()).startsWith("western_engagement=");
		}

		@Test
		void aRuleWhosePremisesContradictEachOtherCannotFire() {
			assertThat(rule("R1.03").reach()).isEqualTo(Reach.CANNOT_FIRE);
			assertThat(rule("R1.03").reason()).contains("contradict each other", "'western_engagement'", "'low'",
					"'high'");
			assertThat(rule("R1.03").witness()).isNull();
		}

		@Test
		void aRuleThatNeedsAConclusionProducedOnlyInACycleCannotFire() {
			assertThat(List.of(rule("R1.05"), rule("R1.06"), rule("R1.07"))).allSatisfy((r) -> {
				assertThat(r.reach()).isEqualTo(Reach.CANNOT_FIRE);
				assertThat(r.reason()).contains("produced only in a cycle").contains("cycle_a → cycle_b → cycle_a");
			});
		}

		@Test
		void aRuleWhosePremisesContradictThoseOfTheRuleItNeedsCannotFire() {
			assertThat(rule("R1.08").reach()).isEqualTo(Reach.CANNOT_FIRE);
			assertThat(rule("R1.08").reason()).contains("'western_engagement'", "two different values");
		}

		@Test
		void rulesThatDefeatThemselvesThroughANegationCannotFire() {
			assertThat(rule("R1.11").reach()).isEqualTo(Reach.CANNOT_FIRE);
			assertThat(rule("R1.11").reason()).contains("'loop_a' both to hold and not to hold");
			assertThat(rule("R1.12").reason()).contains("'loop_b' both to hold and not to hold");
		}

		@Test
		void conditionsReadOnlyByRulesThatCannotFireAreUnused() {
			assertThat(this.report.unusedConditions()).extracting(UnusedEntry::id).containsExactly("orphan", "loop");
			assertThat(this.report.unusedConditions().get(0).reason()).isEqualTo("read only by R1.03, which has no"
					+ " witness");
		}

		@Test
		void conclusionsProducedOnlyByRulesThatCannotFireAreUnproduced() {
			assertThat(this.report.unproducedConclusions()).extracting(UnusedEntry::id)
				.containsExactly("risk_never", "cycle_a", "cycle_b", "rec_cycle", "risk_chain", "loop_a", "loop_b");
		}

		@Test
		void anEffectReadOnlyByARuleThatCannotFireIsReadByNobody() {
			// balance_eroding is read by R1.02, which fires; risks and recommendations are shown, so never listed.
			assertThat(this.report.unreadEffects()).extracting(UnusedEntry::id).containsExactly("dead_effect");
			assertThat(this.report.unreadEffects().get(0).reason()).contains("R1.03");
		}

		@Test
		void reportsEachCycleWithItsConclusionsAndRules() {
			assertThat(this.report.cycles()).hasSize(2);
			assertThat(this.report.cycles().get(0).conclusions()).containsExactly("cycle_a", "cycle_b");
			assertThat(this.report.cycles().get(0).rules()).containsExactly("R1.05", "R1.06");
			assertThat(this.report.cycles().get(0).throughNegation()).isFalse();
			assertThat(this.report.cycles().get(1).path()).isEqualTo("loop_a → loop_b → loop_a");
			assertThat(this.report.cycles().get(1).rules()).containsExactly("R1.11", "R1.12");
			assertThat(this.report.cycles().get(1).throughNegation()).isTrue();
		}

		@Test
		void aDeclaredConflictThatCanHoldIsFoundWithAScenarioInWhichBothHold() {
			ConflictCheck talks = conflict("rec_talks");
			assertThat(talks.found()).isTrue();
			assertThat(talks.ruledOut()).isFalse();
			assertThat(talks.witness().changes()).containsExactly(entry("talks", "offered"));
			Evaluation both = this.ruleBase.evaluate(talks.witness().conditions());
			assertThat(both.holds("risk_concessions")).isTrue();
			assertThat(both.holds("rec_talks")).isTrue();
			assertThat(talks.witness().advicePath()).isEqualTo("/advice?talks=offered");
		}

		@Test
		void aDeclaredConflictTheRulesKeepApartIsRuledOut() {
			ConflictCheck engage = conflict("rec_engage");
			assertThat(engage.found()).isFalse();
			assertThat(engage.witness()).isNull();
			assertThat(engage.ruledOut()).isTrue();
		}

		@Test
		void scenariosInWhichTheRulesNeverSettleAreCountedWithTheSimplestOne() {
			assertThat(this.report.unsettled()).isNotNull();
			assertThat(this.report.unsettled().scenarios()).isEqualTo(24);
			assertThat(this.report.unsettled().first().changes()).containsExactly(entry("loop", "true"));
			assertThat(this.report.unsettled().message()).contains("R1.11");
		}

		@Test
		void coverageSaysWhatTheScenarioFilesExercise() {
			VerificationReport.Coverage coverage = this.report.coverage();
			assertThat(coverage.scenarios()).containsExactly("engaged-west");
			// The West engaged: R1.04 (pressure) and R1.09 (no erosion) fire, R1.01 does not.
			assertThat(coverage.rulesExercised()).isEqualTo(2);
			assertThat(coverage.ruleShare()).isEqualTo(2.0 / 12);
			assertThat(coverage.rulesNoScenarioFires()).startsWith("R1.01", "R1.02", "R1.03").doesNotContain("R1.04",
					"R1.09");
			VerificationReport.RuleCoverage engage = ruleCoverage("R1.09");
			assertThat(engage.firedBy()).containsExactly("engaged-west");
			assertThat(engage.premisesExercised()).isEqualTo(2);
			// Only western_engagement fails for R1.01 in that scenario: its one premise is shown to matter.
			VerificationReport.RuleCoverage erodes = ruleCoverage("R1.01");
			assertThat(erodes.premises()).singleElement().satisfies((p) -> {
				assertThat(p.premise()).isEqualTo("western_engagement = low");
				assertThat(p.exercised()).isFalse();
				assertThat(p.shownToMatter()).isTrue();
			});
		}

		@Test
		void countsEveryKindOfFinding() {
			// 7 rules, 2 conditions, 7 conclusions, 1 effect, 2 cycles, 1 conflict, and the unsettled scenarios.
			assertThat(this.report.findingCount()).isEqualTo(21);
			assertThat(this.report.clean()).isFalse();
		}

		private RuleCheck rule(String id) {
			return this.report.rules().stream().filter((r) -> r.ruleId().equals(id)).findFirst().orElseThrow();
		}

		private ConflictCheck conflict(String b) {
			return this.report.conflicts().stream().filter((c) -> c.b().equals(b)).findFirst().orElseThrow();
		}

		private VerificationReport.RuleCoverage ruleCoverage(String id) {
			return this.report.coverage().rules().stream().filter((r) -> r.ruleId().equals(id)).findFirst()
				.orElseThrow();
		}

	}

	/** The sweep on its own, without the backward search for conflicts, in both of its modes. */
	@Nested
	class Sweep {

		private final RuleBase ruleBase = RuleBase.build(TestPacks.testPack("audit-flawed"), 10_000);

		@Test
		void theExhaustiveSweepFindsAConflictOnItsOwn() {
			VerificationReport report = new Verifier(this.ruleBase, Verifier.Settings.DEFAULT, false).verify();
			ConflictCheck talks = report.conflicts().get(0);
			assertThat(talks.foundBy()).isEqualTo("sweep");
			assertThat(talks.witness().changes()).containsExactly(entry("talks", "offered"));
			assertThat(report.conflicts().get(1).found()).isFalse();
			assertThat(report.conflicts().get(1).ruledOut()).isFalse();
		}

		@Test
		void aboveTheLimitItCoversEveryPairOfValuesThenRandomScenarios() {
			Verifier.Settings small = new Verifier.Settings(10, 200, 7, 2);
			VerificationReport report = new Verifier(this.ruleBase, small, false).verify();
			assertThat(report.search().mode()).isEqualTo("pairwise + random");
			// Every pair of values of two conditions over the defaults, without repeats: the defaults, 6 single changes
			// (2 + 1 + 1 + 1 + 1) and 14 double ones (2·1 for each of the 4 others, 1·1 for the 6 pairs of those).
			assertThat(report.search().pairwiseScenarios()).isEqualTo(21);
			assertThat(report.search().sweepScenarios()).isEqualTo(221);
			assertThat(report.conflicts().get(0).foundBy()).isEqualTo("sweep");
			assertThat(report.conflicts().get(0).witness().changes()).containsExactly(entry("talks", "offered"));
		}

		@Test
		void theSameSeedGivesTheSameReportWhateverTheThreads() {
			Verifier.Settings one = new Verifier.Settings(10, 300, 11, 1);
			Verifier.Settings two = new Verifier.Settings(10, 300, 11, 2);
			VerificationReport a = new Verifier(this.ruleBase, one, false).verify();
			VerificationReport b = new Verifier(this.ruleBase, two, false).verify();
			assertThat(b.conflicts()).isEqualTo(a.conflicts());
			assertThat(b.unsettled()).isEqualTo(a.unsettled());
			assertThat(b.rules()).isEqualTo(a.rules());
		}

	}

	/** The shipped pack verifies clean; the full 100,000 random scenarios are left to {@code verify}. */
	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class ShippedPack {

		private final RuleBase ruleBase = TestPacks.shipped();

		private VerificationReport report;

		@BeforeAll
		void verify() {
			this.report = ShippedVerification.report();
		}

		@Test
		void isClean() {
			assertThat(this.report.rulesThatCannotFire()).isEmpty();
			assertThat(this.report.unusedConditions()).isEmpty();
			assertThat(this.report.unproducedConclusions()).isEmpty();
			assertThat(this.report.unreadEffects()).isEmpty();
			assertThat(this.report.cycles()).isEmpty();
			assertThat(this.report.unsettled()).isNull();
			assertThat(this.report.conflictsFound()).isEmpty();
			assertThat(this.report.clean()).isTrue();
		}

		@Test
		void everyRuleHasAWitnessTheEngineConfirms() {
			assertThat(this.report.rules()).hasSize(this.ruleBase.pack().rules().size());
			assertThat(this.report.rules()).allSatisfy((r) -> {
				assertThat(r.reach()).as(r.ruleId()).isEqualTo(Reach.FIRES);
				Map<String, String> conditions = r.witness().conditions();
				assertThat(conditions).hasSize(this.ruleBase.pack().conditions().size());
				assertThat(this.ruleBase.evaluate(conditions).firedRules()).as(r.ruleId()).contains(r.ruleId());
			});
		}

		@Test
		void theDeclaredConflictsAreRuledOutForEveryScenario() {
			assertThat(this.report.conflicts()).hasSize(this.ruleBase.pack().descriptor().conflicts().size())
				.isNotEmpty()
				.allSatisfy((c) -> assertThat(c.ruledOut()).as(c.a() + " / " + c.b()).isTrue());
		}

		@Test
		void theSpaceIsTooLargeForAnExhaustiveSearch() {
			assertThat(this.report.search().mode()).isEqualTo("pairwise + random");
			assertThat(this.report.search().spaceSize()).startsWith("about ");
			assertThat(this.report.search().sweepScenarios())
				.isEqualTo(this.report.search().pairwiseScenarios() + ShippedVerification.RANDOM_SCENARIOS);
		}

		@Test
		void coverageAgreesWithTheClaimsMatrix() {
			ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase,
					new org.springframework.core.io.ClassPathResource("rule-tests-sample.tsv"));
			assertThat(this.report.coverage().rulesNoScenarioFires()).containsExactlyInAnyOrderElementsOf(
					matrix.claims().stream().filter((c) -> !c.exercisedByScenario()).map((c) -> c.rule().id()).toList());
		}

	}

}
