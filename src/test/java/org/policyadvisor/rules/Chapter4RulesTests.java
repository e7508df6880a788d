package org.policyadvisor.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotFire;
import static org.policyadvisor.rules.RuleHarness.assertFires;
import static org.policyadvisor.rules.RuleHarness.assertStrengthWithinRule;
import static org.policyadvisor.rules.RuleHarness.evaluate;
import static org.policyadvisor.rules.RuleHarness.assertStillHolds;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotHold;

/**
 * One nested class per rule of §4, "The Azerbaijani Diaspora in Russia". Each starts from the early-2019 situation
 * (the defaults: ARAC shut down and the diaspora fragmented, its wealthy members loyal to Aliyev, no deportation
 * threat) and changes as little as possible. Where a conclusion has other derivations, the doesNotFire tests also
 * check that it still holds through them, so that they pin down the rule named and not merely its conclusion.
 */
@DisplayName("Rules of §4 The Azerbaijani Diaspora in Russia")
class Chapter4RulesTests {

	// --- Deportation threats and the diaspora as a soft-power channel ------------------------------------------

	@Nested
	@Exercises("R4.01")
	@DisplayName("R4.01 Russian threats to deport an apolitical diaspora are made to gain political leverage over Baku")
	class R4_01 {

		@Test
		void firesWhenRussiaThreatensDeportations() {
			assertFires("R4.01", "deportation_threat", "true");
		}

		@Test
		void firesEvenWhenFewHouseholdsDependOnRemittances() {
			// The threat itself is the lever, whatever the remittance figures; R6.13 needs the remittances.
			Evaluation evaluation = assertFires("R4.01", "deportation_threat", "true", "remittance_dependence", "low",
					"russian_citizenship_rising", "false");
			assertThat(evaluation.firedRules()).doesNotContain("R6.13", "R6.14");
		}

		@Test
		void doesNotFireWithoutAThreat() {
			Evaluation evaluation = assertDoesNotFire("R4.01");
			assertStillHolds(evaluation, "risk_diaspora_leverage", "R6.13");
		}

		@Test
		void doesNotFireWithoutAThreatAndLeavesNoDiasporaRiskWhenTheOtherLeversAreGone() {
			Evaluation evaluation = assertDoesNotFire("R4.01", "remittance_dependence", "low",
					"russian_citizenship_rising", "false");
			assertDoesNotHold(evaluation, "risk_diaspora_leverage");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.01", "deportation_threat", "true");
		}

	}

	@Nested
	@Exercises("R4.02")
	@DisplayName("R4.02 A diaspora that many families rely on is, for Russia, chiefly a channel for its soft power")
	class R4_02 {

		@Test
		void firesWhenHouseholdsDependHeavilyOnRemittances() {
			assertFires("R4.02");
		}

		@Test
		void firesWhenDependenceIsModerate() {
			assertFires("R4.02", "remittance_dependence", "medium");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			Evaluation evaluation = assertDoesNotFire("R4.02", "remittance_dependence", "low");
			assertDoesNotHold(evaluation, "diaspora_soft_power_channel");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.02");
		}

	}

	@Nested
	@Exercises("R4.03")
	@DisplayName("R4.03 Migrant networks carry Russian propaganda to Azerbaijanis who lack non-Russian sources")
	class R4_03 {

		@Test
		void firesWhenTheDiasporaIsAChannelAndEnglishSkillsAreLow() {
			assertFires("R4.03");
		}

		@Test
		void doesNotFireWhenEnglishSkillsAreWidespread() {
			Evaluation evaluation = assertDoesNotFire("R4.03", "english_skills", "medium");
			assertStillHolds(evaluation, "russian_info_space_grows", "R6.22");
		}

		@Test
		void doesNotFireWhenFewFamiliesHaveTiesToTheDiaspora() {
			Evaluation evaluation = assertDoesNotFire("R4.03", "remittance_dependence", "low");
			assertStillHolds(evaluation, "russian_info_space_grows", "R6.23");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R4.03", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.03");
		}

	}

	@Nested
	@Exercises("R4.04")
	@DisplayName("R4.04 Seeing Russia as the main job market, families push children into Russian-language schooling")
	class R4_04 {

		@Test
		void firesWhenTheDiasporaIsAChannel() {
			assertFires("R4.04");
		}

		@Test
		void doesNotFireWhenFewFamiliesDependOnWorkInRussia() {
			Evaluation evaluation = assertDoesNotFire("R4.04", "remittance_dependence", "low");
			assertStillHolds(evaluation, "russian_schooling_entrenched", "R5.03");
		}

		@Test
		void doesNotFireAndLeavesSchoolingWithoutPullWhenEnglishSchoolingIsAlsoAffordable() {
			Evaluation evaluation = assertDoesNotFire("R4.04", "remittance_dependence", "low",
					"english_schooling_affordable", "true");
			assertDoesNotHold(evaluation, "russian_schooling_entrenched");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.04");
		}

	}

	@Nested
	@Exercises("R4.05")
	@DisplayName("R4.05 Managing a Baku-run diaspora body gives the old guard a say over relations with Russia")
	class R4_05 {

		@Test
		void firesWhenBakuRunsTheDiasporaOrganisation() {
			assertFires("R4.05", "diaspora_org_control", "baku_managed");
		}

		@Test
		void doesNotFireOnceRussiaHasShutTheBakuRunBodyDown() {
			Evaluation evaluation = assertDoesNotFire("R4.05");
			assertDoesNotHold(evaluation, "old_guard_diaspora_channel");
		}

		@Test
		void doesNotFireWhenRivalBodiesContestTheDiaspora() {
			assertDoesNotFire("R4.05", "diaspora_org_control", "contested");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.05", "diaspora_org_control", "baku_managed");
		}

	}

	// --- Domestic concerns about the diaspora ------------------------------------------------------------------

	@Nested
	@Exercises("R4.06")
	@DisplayName("R4.06 Exiled opposition figures popular in the diaspora could be used by Russia against Baku's leadership")
	class R4_06 {

		@Test
		void firesWhenExilesOpenlyOpposeTheGovernment() {
			assertFires("R4.06", "diaspora_wealthy_ambitions", "opposition");
		}

		@Test
		void firesEvenWhenBakuRunsTheDiasporaOrganisation() {
			// Mutalibov led a diaspora community in 2002 although Baku had set up ARAC in 2001.
			assertFires("R4.06", "diaspora_wealthy_ambitions", "opposition", "diaspora_org_control", "baku_managed");
		}

		@Test
		void doesNotFireWhenTheWealthyStayLoyal() {
			Evaluation evaluation = assertDoesNotFire("R4.06");
			assertDoesNotHold(evaluation, "risk_diaspora_counter_elite");
		}

		@Test
		void doesNotFireForMereAmbitionThoughTheRiskHoldsInAnUnmanagedDiaspora() {
			Evaluation evaluation = assertDoesNotFire("R4.06", "diaspora_wealthy_ambitions", "ambitious");
			assertStillHolds(evaluation, "risk_diaspora_counter_elite", "R4.14");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.06", "diaspora_wealthy_ambitions", "opposition");
		}

	}

	@Nested
	@Exercises("R4.07")
	@DisplayName("R4.07 Russian backing for minority groups hostile to Baku stirs them against the leadership")
	class R4_07 {

		@Test
		void firesWhenRussiaBacksGroupsOpposedToBaku() {
			assertFires("R4.07", "russia_backs_anti_baku_groups", "true");
		}

		@Test
		void doesNotFireWhenRussiaBacksNoSuchGroups() {
			Evaluation evaluation = assertDoesNotFire("R4.07");
			assertDoesNotHold(evaluation, "risk_russia_backs_separatists");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.07", "russia_backs_anti_baku_groups", "true");
		}

	}

	// --- The 2013 presidential election and the 'Billionaires' Union' ----------------------------------------

	@Nested
	@Exercises("R4.08")
	@DisplayName("R4.08 An ambitious rival diaspora body threatens the old guard's channel and sets off a power struggle")
	class R4_08 {

		@Test
		void firesWhenAmbitiousFiguresChallengeABakuRunDiaspora() {
			assertFires("R4.08", "diaspora_org_control", "baku_managed", "diaspora_wealthy_ambitions", "ambitious");
		}

		@Test
		void doesNotFireWhenTheWealthyStayLoyal() {
			assertDoesNotFire("R4.08", "diaspora_org_control", "baku_managed");
		}

		@Test
		void doesNotFireForOpenOppositionRatherThanARivalBid() {
			assertDoesNotFire("R4.08", "diaspora_org_control", "baku_managed", "diaspora_wealthy_ambitions",
					"opposition");
		}

		@Test
		void doesNotFireWhenThereIsNoBakuRunChannelToFightOver() {
			Evaluation evaluation = assertDoesNotFire("R4.08", "diaspora_wealthy_ambitions", "ambitious");
			assertDoesNotHold(evaluation, "diaspora_elite_power_struggle");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.08", "diaspora_org_control", "baku_managed", "diaspora_wealthy_ambitions",
					"ambitious");
		}

	}

	@Nested
	@Exercises("R4.09")
	@DisplayName("R4.09 Talk of a Russian plot through the diaspora masks an internal elite power struggle")
	class R4_09 {

		@Test
		void firesInThe2013Configuration() {
			assertFires("R4.09", "diaspora_regime_change_rumours", "true", "diaspora_org_control", "baku_managed",
					"diaspora_wealthy_ambitions", "ambitious");
		}

		@Test
		void doesNotFireWithoutAPowerStruggleThoughThePaperStillDisputesTheClaim() {
			Evaluation evaluation = assertDoesNotFire("R4.09", "diaspora_regime_change_rumours", "true");
			assertStillHolds(evaluation, "disputed_russia_regime_change_via_diaspora", "R4.11");
		}

		@Test
		void doesNotFireWhenNoOneClaimsARussianPlot() {
			Evaluation evaluation = assertDoesNotFire("R4.09", "diaspora_org_control", "baku_managed",
					"diaspora_wealthy_ambitions", "ambitious");
			assertDoesNotHold(evaluation, "disputed_russia_regime_change_via_diaspora");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.09", "diaspora_regime_change_rumours", "true", "diaspora_org_control",
					"baku_managed", "diaspora_wealthy_ambitions", "ambitious");
		}

	}

	@Nested
	@Exercises("R4.10")
	@DisplayName("R4.10 Rumours of a Russian-backed diaspora plot let Moscow create the appearance of a threat")
	class R4_10 {

		@Test
		void firesWhenARussianPlotIsRumoured() {
			assertFires("R4.10", "diaspora_regime_change_rumours", "true");
		}

		@Test
		void doesNotFireWithoutRumours() {
			Evaluation evaluation = assertDoesNotFire("R4.10");
			assertDoesNotHold(evaluation, "risk_russia_exploits_diaspora_rumours");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.10", "diaspora_regime_change_rumours", "true");
		}

	}

	// --- Russia's lessons ------------------------------------------------------------------------------------

	@Nested
	@Exercises("R4.11")
	@DisplayName("R4.11 The claim that Russia seeks regime change in Baku through the diaspora is flawed")
	class R4_11 {

		@Test
		void firesWhenTheClaimIsMade() {
			assertFires("R4.11", "diaspora_regime_change_rumours", "true");
		}

		@Test
		void firesEvenWhenRussiaBacksGroupsHostileToBaku() {
			// The paper calls the regime-change claim flawed whatever Russia's dealings with minority groups.
			assertFires("R4.11", "diaspora_regime_change_rumours", "true", "russia_backs_anti_baku_groups", "true");
		}

		@Test
		void doesNotFireWhenNoOneMakesTheClaim() {
			Evaluation evaluation = assertDoesNotFire("R4.11");
			assertDoesNotHold(evaluation, "disputed_russia_regime_change_via_diaspora");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.11", "diaspora_regime_change_rumours", "true");
		}

	}

	@Nested
	@Exercises("R4.12")
	@DisplayName("R4.12 With no Baku-run umbrella body, the diaspora fragments and slips from Baku's control")
	class R4_12 {

		@Test
		void firesAfterRussiaShutTheBakuRunBodyDown() {
			assertFires("R4.12");
		}

		@Test
		void doesNotFireWhileBakuRunsTheDiasporaOrganisation() {
			Evaluation evaluation = assertDoesNotFire("R4.12", "diaspora_org_control", "baku_managed");
			assertDoesNotHold(evaluation, "diaspora_beyond_baku_control");
		}

		@Test
		void doesNotFireWhenRivalBodiesContestTheDiaspora() {
			assertDoesNotFire("R4.12", "diaspora_org_control", "contested");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.12");
		}

	}

	@Nested
	@Exercises("R4.13")
	@DisplayName("R4.13 A diaspora beyond Baku's control opens a channel for Russia to groups outside the ruling elite")
	class R4_13 {

		@Test
		void firesWhenTheDiasporaIsBeyondBakusControl() {
			assertFires("R4.13");
		}

		@Test
		void doesNotFireWhileBakuRunsTheDiasporaOrganisation() {
			Evaluation evaluation = assertDoesNotFire("R4.13", "diaspora_org_control", "baku_managed");
			assertDoesNotHold(evaluation, "risk_diaspora_channel_beyond_elite");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.13");
		}

	}

	@Nested
	@Exercises("R4.14")
	@DisplayName("R4.14 Russia now knows how ambitious members of an unmanaged diaspora could be deployed against Baku")
	class R4_14 {

		@Test
		void firesWhenAmbitiousFiguresSitInAnUnmanagedDiaspora() {
			assertFires("R4.14", "diaspora_wealthy_ambitions", "ambitious");
		}

		@Test
		void firesAlongsideR406ForOpenOpposition() {
			Evaluation evaluation = assertFires("R4.14", "diaspora_wealthy_ambitions", "opposition");
			assertStillHolds(evaluation, "risk_diaspora_counter_elite", "R4.06");
		}

		@Test
		void doesNotFireWhenTheWealthyStayLoyal() {
			assertDoesNotFire("R4.14");
		}

		@Test
		void doesNotFireWhenBakuRunsTheDiasporaOrganisation() {
			Evaluation evaluation = assertDoesNotFire("R4.14", "diaspora_wealthy_ambitions", "ambitious",
					"diaspora_org_control", "baku_managed");
			assertDoesNotHold(evaluation, "risk_diaspora_counter_elite");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.14", "diaspora_wealthy_ambitions", "ambitious");
		}

	}

	@Nested
	@Exercises("R4.15")
	@DisplayName("R4.15 Deported migrants returning with grievances could foment instability and anti-government sentiment")
	class R4_15 {

		@Test
		void firesWhenRussiaThreatensDeportations() {
			Evaluation evaluation = assertFires("R4.15", "deportation_threat", "true");
			assertStillHolds(evaluation, "risk_mass_return_destabilization", "R6.15");
		}

		@Test
		void firesOnGrievancesEvenWhenFewHouseholdsDependOnRemittances() {
			// R6.15 rests on lost remittances; the returnees' grievances do not.
			Evaluation evaluation = assertFires("R4.15", "deportation_threat", "true", "remittance_dependence", "low");
			assertThat(evaluation.firedRules()).doesNotContain("R6.15");
		}

		@Test
		void doesNotFireWithoutAThreat() {
			Evaluation evaluation = assertDoesNotFire("R4.15");
			assertDoesNotHold(evaluation, "risk_mass_return_destabilization");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.15", "deportation_threat", "true");
		}

	}

	@Nested
	@Exercises("R4.16")
	@DisplayName("R4.16 Tougher rules for non-EAEU migrants let Russia use the diaspora to push Baku towards the EAEU")
	class R4_16 {

		@Test
		void firesInTheEarly2019Situation() {
			assertFires("R4.16");
		}

		@Test
		void doesNotFireBeforeRussiaTightenedItsMigrationRules() {
			Evaluation evaluation = assertDoesNotFire("R4.16", "russia_migration_rules_tightened", "false");
			assertStillHolds(evaluation, "eaeu_drift", "R6.18");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			Evaluation evaluation = assertDoesNotFire("R4.16", "remittance_dependence", "low");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotExpectMembership() {
			Evaluation evaluation = assertDoesNotFire("R4.16", "russia_expects_membership", "false");
			assertDoesNotHold(evaluation, "eaeu_drift");
		}

		@Test
		void doesNotFireWhenBakuRulesMembershipOut() {
			assertDoesNotFire("R4.16", "eaeu_stance", "rejected");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.16");
		}

	}

	@Nested
	@Exercises("R4.17")
	@DisplayName("R4.17 While the diaspora remains only a potential lever, soft power is Russia's primary mechanism")
	class R4_17 {

		@Test
		void firesWhenRussiaInvestsInSoftPowerWithoutThreateningMigrants() {
			assertFires("R4.17");
		}

		@Test
		void firesWhenRussiaInvestsModerately() {
			assertFires("R4.17", "russian_soft_power_effort", "medium");
		}

		@Test
		void doesNotFireOnceRussiaActuallyThreatensDeportations() {
			Evaluation evaluation = assertDoesNotFire("R4.17", "deportation_threat", "true");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.24");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R4.17", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R4.17");
		}

	}

	// --- Historical moments and what-ifs, as a trainer would load them -----------------------------------------

	@Nested
	@DisplayName("Scenarios")
	class Scenarios {

		@Test
		void the2013ElectionShowsAPowerStruggleNotARussianPlot() {
			// ARAC still run from Baku, Abbasov's UAOR bidding to unify the diaspora, rumours of a Russian plot, but
			// no visible Russian support.
			Evaluation evaluation = evaluate("diaspora_org_control", "baku_managed", "diaspora_wealthy_ambitions",
					"ambitious", "diaspora_regime_change_rumours", "true", "russia_migration_rules_tightened", "false");
			assertThat(RuleHarness.concluded(evaluation)).contains("old_guard_diaspora_channel",
					"diaspora_elite_power_struggle", "disputed_russia_regime_change_via_diaspora",
					"risk_russia_exploits_diaspora_rumours")
				.doesNotContain("risk_diaspora_counter_elite", "risk_russia_backs_separatists",
						"risk_diaspora_channel_beyond_elite");
		}

		@Test
		void theHeydarAliyevYearsFearAnExiledCounterElite() {
			// Rival diaspora bodies, Mutalibov in exile, Russian support for minority groups against Aliyev.
			Evaluation evaluation = evaluate("diaspora_org_control", "contested", "diaspora_wealthy_ambitions",
					"opposition", "russia_backs_anti_baku_groups", "true", "russia_migration_rules_tightened", "false");
			assertThat(RuleHarness.concluded(evaluation)).contains("risk_diaspora_counter_elite",
					"risk_russia_backs_separatists")
				.doesNotContain("old_guard_diaspora_channel", "diaspora_beyond_baku_control");
		}

		@Test
		void aThreatOfMassDeportationTurnsThePotentialLeverIntoARealOne() {
			Evaluation evaluation = evaluate("deportation_threat", "true");
			assertThat(evaluation.firedRules()).contains("R4.01", "R4.15", "R6.15").doesNotContain("R4.17");
			assertThat(evaluation.finding("risk_mass_return_destabilization")).hasValueSatisfying(
					(f) -> assertThat(f.derivations()).extracting(Evaluation.Derivation::ruleId)
						.contains("R4.15", "R6.15"));
		}

	}

}
