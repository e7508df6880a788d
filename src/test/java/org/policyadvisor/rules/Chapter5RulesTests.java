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
 * One nested class per rule of §5, "Russian Soft Power in Azerbaijan". Each starts from the early-2019 situation
 * (the defaults: Western-funded NGOs gone since the 2013–14 crackdown, Sputnik broadcasting in Azerbaijani, active
 * Eurasianist quasi-NGOs, heavy Russian investment, a government that neither promotes nor prohibits pro-Russian
 * outlets) and changes as little as possible. Where a conclusion has other derivations, the doesNotFire tests also
 * check that it still holds through them, so that they pin down the rule named and not merely its conclusion.
 */
@DisplayName("Rules of §5 Russian Soft Power in Azerbaijan")
class Chapter5RulesTests {

	// --- The vacuum left by the West -------------------------------------------------------------------------

	@Nested
	@Exercises("R5.01")
	@DisplayName("R5.01 Baku's steps to pacify Russia and reassure it of its loyalty strengthen Russian soft power")
	class R5_01 {

		@Test
		void firesWhenBakuPacifiesRussia() {
			Evaluation evaluation = assertFires("R5.01");
			assertStillHolds(evaluation, "russian_soft_power_rising", "R0.03");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndBakuNeedNotPacifyRussia() {
			Evaluation evaluation = assertDoesNotFire("R5.01", "western_engagement", "high");
			assertDoesNotHold(evaluation, "pacifying_russia");
			assertDoesNotHold(evaluation, "russian_soft_power_rising");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R5.01", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.01");
		}

	}

	@Nested
	@Exercises("R5.02")
	@DisplayName("R5.02 With Western institutions pushed out, Moscow moves to fill the vacuum")
	class R5_02 {

		@Test
		void firesWhenWesternNgosAreGoneAndRussiaInvests() {
			assertFires("R5.02");
		}

		@Test
		void firesWhenRussiaInvestsModerately() {
			assertFires("R5.02", "russian_soft_power_effort", "medium");
		}

		@Test
		void doesNotFireWhileWesternFundedNgosAreActive() {
			Evaluation evaluation = assertDoesNotFire("R5.02", "western_ngos_active", "true");
			assertDoesNotHold(evaluation, "russia_fills_western_vacuum");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.02", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.02");
		}

	}

	@Nested
	@Exercises("R5.12")
	@DisplayName("R5.12 Without Western-funded NGOs to counterbalance it, Russia's move into the vacuum feeds the soft-power risk")
	class R5_12 {

		@Test
		void firesWhenRussiaFillsTheVacuum() {
			assertFires("R5.12");
		}

		@Test
		void doesNotFireWhileWesternFundedNgosCounterbalanceRussia() {
			Evaluation evaluation = assertDoesNotFire("R5.12", "western_ngos_active", "true");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.24");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.12");
		}

	}

	// --- Language and education --------------------------------------------------------------------------------

	@Nested
	@Exercises("R5.03")
	@DisplayName("R5.03 Free Russian-language schooling keeps its pull where English-language schools are unaffordable")
	class R5_03 {

		@Test
		void firesWhenEnglishLanguageSchoolingIsUnaffordable() {
			assertFires("R5.03");
		}

		@Test
		void doesNotFireWhenEnglishLanguageSchoolingIsAffordable() {
			Evaluation evaluation = assertDoesNotFire("R5.03", "english_schooling_affordable", "true");
			assertStillHolds(evaluation, "russian_schooling_entrenched", "R4.04");
		}

		@Test
		void doesNotFireAndLeavesSchoolingWithoutPullWhenFewFamiliesLookToRussiaForWork() {
			Evaluation evaluation = assertDoesNotFire("R5.03", "english_schooling_affordable", "true",
					"remittance_dependence", "low");
			assertDoesNotHold(evaluation, "russian_schooling_entrenched");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.03");
		}

	}

	@Nested
	@Exercises("R5.04")
	@DisplayName("R5.04 Growing Russian-language schooling sustains the Soviet legacies that underpin Russian soft power")
	class R5_04 {

		@Test
		void firesWhenRussianLanguageSchoolingIsEntrenchedAndGrowing() {
			assertFires("R5.04");
		}

		@Test
		void doesNotFireWhenRussianLanguageEducationIsOnlyStable() {
			Evaluation evaluation = assertDoesNotFire("R5.04", "russian_education_growth", "stable");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.21");
		}

		@Test
		void doesNotFireWhenRussianLanguageSchoolingHasLostItsPull() {
			assertDoesNotFire("R5.04", "english_schooling_affordable", "true", "remittance_dependence", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.04");
		}

	}

	@Nested
	@Exercises("R5.05")
	@DisplayName("R5.05 Russian university branches and institutes in Azerbaijan serve as propaganda channels")
	class R5_05 {

		@Test
		void firesWhenRussianInstitutionsWorkInAzerbaijan() {
			assertFires("R5.05");
		}

		@Test
		void doesNotFireWithoutRussianInstitutionsInTheCountry() {
			Evaluation evaluation = assertDoesNotFire("R5.05", "russian_institutions_in_azerbaijan", "false");
			assertStillHolds(evaluation, "russian_narrative_in_discourse", "R5.13");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.05", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.05");
		}

	}

	@Nested
	@Exercises("R5.06")
	@DisplayName("R5.06 A government wary of Western-educated activists readily integrates a growing number of Russian-educated graduates")
	class R5_06 {

		@Test
		void firesWhenRussianEducationGrowsAndTheGovernmentFearsWesternInfluence() {
			Evaluation evaluation = assertFires("R5.06");
			assertStillHolds(evaluation, "russia_oriented_graduates", "R6.25");
		}

		@Test
		void doesNotFireWhenRussianEducationIsOnlyStable() {
			Evaluation evaluation = assertDoesNotFire("R5.06", "russian_education_growth", "stable");
			assertDoesNotHold(evaluation, "russia_oriented_graduates");
		}

		@Test
		void doesNotFireWhenRussianEducationShrinks() {
			Evaluation evaluation = assertDoesNotFire("R5.06", "russian_education_growth", "shrinking");
			assertDoesNotHold(evaluation, "russia_oriented_graduates");
		}

		@Test
		void doesNotFireWhenTheGovernmentDoesNotFearTheWest() {
			Evaluation evaluation = assertDoesNotFire("R5.06", "elite_sees_west_as_regime_change", "false");
			assertStillHolds(evaluation, "russia_oriented_graduates", "R6.25");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.06");
		}

	}

	// --- Quasi-NGOs and media --------------------------------------------------------------------------------------

	@Nested
	@Exercises("R5.07")
	@DisplayName("R5.07 Russian-funded Eurasianism centred on the Caspian is likely to gain traction")
	class R5_07 {

		@Test
		void firesWhenProRussianQuasiNgosAreActive() {
			assertFires("R5.07");
		}

		@Test
		void firesWhenTheyAreOnlyEmerging() {
			// The 2013 situation: the Eurasian Club and the Slavic-Turkic Union, before the Eurasian Movement.
			Evaluation evaluation = assertFires("R5.07", "pro_russian_quasi_ngos", "emerging");
			assertThat(evaluation.firedRules()).doesNotContain("R5.13");
		}

		@Test
		void doesNotFireWithoutSuchGroups() {
			Evaluation evaluation = assertDoesNotFire("R5.07", "pro_russian_quasi_ngos", "absent");
			assertStillHolds(evaluation, "russian_narrative_in_discourse", "R5.09");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.07", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.07");
		}

	}

	@Nested
	@Exercises("R5.13")
	@DisplayName("R5.13 Active pro-Russian quasi-NGOs steadily inject a Russian narrative into public discourse")
	class R5_13 {

		@Test
		void firesWhenQuasiNgosAreActiveAndRussiaInvests() {
			assertFires("R5.13");
		}

		@Test
		void doesNotFireWhileQuasiNgosAreOnlyEmerging() {
			Evaluation evaluation = assertDoesNotFire("R5.13", "pro_russian_quasi_ngos", "emerging");
			assertStillHolds(evaluation, "russian_narrative_in_discourse", "R5.07");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.13", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.13");
		}

	}

	@Nested
	@Exercises("R5.08")
	@DisplayName("R5.08 A Kremlin-backed outlet in Azerbaijani, tolerated by Baku, completes Moscow's soft-power matrix")
	class R5_08 {

		@Test
		void firesWhenAKremlinBackedOutletOperatesUnderSelectiveTolerance() {
			assertFires("R5.08");
		}

		@Test
		void firesWhenBakuLetsRussianMediaOperateFreely() {
			assertFires("R5.08", "baku_tolerance_russian_soft_power", "permissive");
		}

		@Test
		void doesNotFireBeforeThereIsAKremlinBackedOutlet() {
			Evaluation evaluation = assertDoesNotFire("R5.08", "pro_russian_media", "marginal");
			assertDoesNotHold(evaluation, "kremlin_media_foothold");
		}

		@Test
		void doesNotFireWhenBakuRestrictsRussianMedia() {
			assertDoesNotFire("R5.08", "baku_tolerance_russian_soft_power", "restrictive");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.08", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.08");
		}

	}

	@Nested
	@Exercises("R5.09")
	@DisplayName("R5.09 Russian-backed media turn the government's own anti-Western rhetoric to Moscow's purposes")
	class R5_09 {

		@Test
		void firesWhenKremlinBackedMediaMeetAnAntiWesternGovernment() {
			assertFires("R5.09");
		}

		@Test
		void doesNotFireWhenTheGovernmentDoesNotCastTheWestAsARegimeChanger() {
			Evaluation evaluation = assertDoesNotFire("R5.09", "elite_sees_west_as_regime_change", "false");
			assertStillHolds(evaluation, "russian_narrative_in_discourse", "R5.13");
		}

		@Test
		void doesNotFireWhenProRussianMediaAreMarginal() {
			assertDoesNotFire("R5.09", "pro_russian_media", "marginal");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R5.09", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.09");
		}

	}

	@Nested
	@Exercises("R5.10")
	@DisplayName("R5.10 With a media foothold and heavy investment, Russia's media-manipulation instruments are likely to multiply")
	class R5_10 {

		@Test
		void firesWithAFootholdAndHeavyInvestment() {
			assertFires("R5.10");
		}

		@Test
		void doesNotFireWhenRussiaInvestsOnlyModerately() {
			Evaluation evaluation = assertDoesNotFire("R5.10", "russian_soft_power_effort", "medium");
			assertThat(evaluation.holds("kremlin_media_foothold")).as("kremlin_media_foothold").isTrue();
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.21");
		}

		@Test
		void doesNotFireWhenBakuRestrictsRussianMedia() {
			assertDoesNotFire("R5.10", "baku_tolerance_russian_soft_power", "restrictive");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.10");
		}

	}

	@Nested
	@Exercises("R5.11")
	@DisplayName("R5.11 The government's view that a pro-Kremlin media monopoly is remote underrates its long-term momentum")
	class R5_11 {

		@Test
		void firesWhenTheGovernmentThinksTheThreatRemote() {
			assertFires("R5.11");
		}

		@Test
		void doesNotFireWhenTheGovernmentTakesTheThreatSeriously() {
			Evaluation evaluation = assertDoesNotFire("R5.11", "baku_sees_russian_media_threat_remote", "false");
			assertDoesNotHold(evaluation, "disputed_russian_media_threat_remote");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.11");
		}

	}

	@Nested
	@Exercises("R5.14")
	@DisplayName("R5.14 A Russian narrative in public discourse shows Russia's improving use of soft power")
	class R5_14 {

		@Test
		void firesWhenARussianNarrativeEntersPublicDiscourse() {
			assertFires("R5.14");
		}

		@Test
		void firesWhenOnlyEmergingQuasiNgosCarryTheNarrative() {
			assertFires("R5.14", "pro_russian_quasi_ngos", "emerging", "pro_russian_media", "marginal",
					"russian_institutions_in_azerbaijan", "false");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			// Every channel of the narrative needs Russian money; the Conclusion's education argument remains.
			Evaluation evaluation = assertDoesNotFire("R5.14", "russian_soft_power_effort", "low");
			assertDoesNotHold(evaluation, "russian_narrative_in_discourse");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.24");
		}

		@Test
		void doesNotFireWhenNoChannelCarriesTheNarrative() {
			assertDoesNotFire("R5.14", "pro_russian_quasi_ngos", "absent", "pro_russian_media", "marginal",
					"russian_institutions_in_azerbaijan", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.14");
		}

	}

	@Nested
	@Exercises("R5.15")
	@DisplayName("R5.15 Heavy Russian investment that Baku freely tolerates lets Russian soft power succeed")
	class R5_15 {

		@Test
		void firesWhenRussiaInvestsHeavilyAndBakuTolerates() {
			assertFires("R5.15", "baku_tolerance_russian_soft_power", "permissive");
		}

		@Test
		void doesNotFireUnderBakusSelectivePolicyOfNeitherPromotingNorProhibiting() {
			assertDoesNotFire("R5.15");
		}

		@Test
		void doesNotFireWhenRussiaInvestsOnlyModerately() {
			Evaluation evaluation = assertDoesNotFire("R5.15", "baku_tolerance_russian_soft_power", "permissive",
					"russian_soft_power_effort", "medium");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R5.14");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R5.15", "baku_tolerance_russian_soft_power", "permissive");
		}

	}

	// --- Historical moments, as a trainer would load them -----------------------------------------------------

	@Nested
	@DisplayName("Scenarios")
	class Scenarios {

		@Test
		void beforeTheCrackdownWesternNgosLeaveNoVacuumAndMoscowLacksItsAzerbaijaniOutlet() {
			// Around 2008: Western-funded NGOs active, no quasi-NGOs, no Kremlin-backed outlet in Azerbaijani.
			Evaluation evaluation = evaluate("western_ngos_active", "true", "pro_russian_quasi_ngos", "absent",
					"pro_russian_media", "marginal");
			assertThat(RuleHarness.concluded(evaluation)).doesNotContain("russia_fills_western_vacuum",
					"kremlin_media_foothold");
		}

		@Test
		void after2015TheCrackdownAndSputnikGiveRussiaEveryChannel() {
			Evaluation evaluation = evaluate();
			assertThat(evaluation.firedRules()).contains("R5.02", "R5.05", "R5.08", "R5.09", "R5.10", "R5.12",
					"R5.13", "R5.14");
		}

	}

}
