package org.policyadvisor.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotFire;
import static org.policyadvisor.rules.RuleHarness.assertFires;
import static org.policyadvisor.rules.RuleHarness.assertStrengthWithinRule;
import static org.policyadvisor.rules.RuleHarness.assertStillHolds;

/**
 * One nested class per rule of the azerbaijan-russia-2019 pack. Each starts from the early-2019 situation (the
 * defaults) and changes as little as possible. Where a conclusion has several derivations, the doesNotFire tests
 * also check that the conclusion still holds through another rule, so that they pin down the rule named and not
 * merely its conclusion.
 */
@DisplayName("Rules of the azerbaijan-russia-2019 pack")
class AzerbaijanRussiaRulesTests {

	// --- The balance between Russia and the West --------------------------------------------------------------

	@Nested
	@Exercises("R0.01")
	@DisplayName("R0.01 Western disengagement and Russian assertiveness erode Azerbaijan's balancing act")
	class R0_01 {

		@Test
		void firesWhenTheWestIsDisengagedAndRussiaAssertive() {
			assertFires("R0.01");
		}

		@Test
		void firesEvenWhenRussiaIsOnlyModeratelyAssertive() {
			assertFires("R0.01", "russian_power_projection", "medium");
		}

		@Test
		void doesNotFireWhenTheWestReEngages() {
			assertDoesNotFire("R0.01", "western_engagement", "high");
		}

		@Test
		void doesNotFireWhenTheWestIsModeratelyEngaged() {
			assertDoesNotFire("R0.01", "western_engagement", "medium");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R0.01", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.01");
			assertStrengthWithinRule("R0.01", "russian_power_projection", "medium");
		}

	}

	@Nested
	@Exercises("R0.02")
	@DisplayName("R0.02 An eroding balance leads Baku to pacify Russia and forgo integration with the West")
	class R0_02 {

		@Test
		void firesWhenTheBalanceIsEroding() {
			assertFires("R0.02");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndTheBalanceHolds() {
			assertDoesNotFire("R0.02", "western_engagement", "high");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R0.02", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.02");
		}

	}

	@Nested
	@Exercises("R0.03")
	@DisplayName("R0.03 An eroding balance opens the way for Russian soft power to re-emerge")
	class R0_03 {

		@Test
		void firesWhenTheBalanceIsEroding() {
			assertFires("R0.03");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndTheBalanceHolds() {
			assertDoesNotFire("R0.03", "western_engagement", "high");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R0.03", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.03");
		}

	}

	@Nested
	@Exercises("R6.01")
	@DisplayName("R6.01 Pacifying an assertive Russia exposes Baku to pressure for foreign policy adjustments")
	class R6_01 {

		@Test
		void firesWhenBakuPacifiesAHighlyAssertiveRussia() {
			assertFires("R6.01");
		}

		@Test
		void firesEvenWhenRussiaIsOnlyModeratelyAssertive() {
			assertFires("R6.01", "russian_power_projection", "medium");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndBakuNeedNotPacifyRussia() {
			Evaluation evaluation = assertDoesNotFire("R6.01", "western_engagement", "high");
			assertThat(evaluation.holds("pacifying_russia")).as("pacifying_russia").isFalse();
			assertThat(evaluation.holds("risk_forced_policy_adjustment")).as("risk_forced_policy_adjustment")
				.isFalse();
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R6.01", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.01");
		}

	}

	@Nested
	@Exercises("R6.28")
	@DisplayName("R6.28 Greater Western involvement in regional affairs can preserve the balance")
	class R6_28 {

		@Test
		void firesWhenTheBalanceErodesForWantOfWesternEngagement() {
			assertFires("R6.28");
		}

		@Test
		void doesNotFireWhenTheWestIsModeratelyEngaged() {
			Evaluation evaluation = assertDoesNotFire("R6.28", "western_engagement", "medium");
			assertThat(evaluation.holds("balance_eroding")).as("balance_eroding").isFalse();
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R6.28", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.28");
		}

	}

	@Nested
	@Exercises("R6.19")
	@DisplayName("R6.19 Western support for reform, diversification, trade and investment can preserve the balance")
	class R6_19 {

		@Test
		void firesWhenTheBalanceErodesAndTheWestBarelySupportsReform() {
			assertFires("R6.19");
		}

		@Test
		void firesWhenWesternSupportForReformIsOnlyModerate() {
			assertFires("R6.19", "western_reform_support", "medium");
		}

		@Test
		void doesNotFireWhenTheWestAlreadyBacksReformStrongly() {
			assertDoesNotFire("R6.19", "western_reform_support", "high");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndTheBalanceHolds() {
			assertDoesNotFire("R6.19", "western_engagement", "high");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.19");
		}

	}

	// --- How the West sees Azerbaijan ------------------------------------------------------------------------

	@Nested
	@Exercises("R6.16")
	@DisplayName("R6.16 A one-dimensional Western lens works to the advantage of pro-Russian groups in the elite")
	class R6_16 {

		@Test
		void firesWhenTheWestSeesAzerbaijanOneDimensionally() {
			assertFires("R6.16");
		}

		@Test
		void doesNotFireWhenTheWestTakesANuancedView() {
			assertDoesNotFire("R6.16", "western_lens", "nuanced");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.16");
		}

	}

	@Nested
	@Exercises("R6.17")
	@DisplayName("R6.17 Empowered pro-Russian groups make the Western lens accelerate Russian influence")
	class R6_17 {

		@Test
		void firesWhenProRussianGroupsAreGrowingAndEmpowered() {
			assertFires("R6.17");
		}

		@Test
		void firesWhenProRussianGroupsDominate() {
			assertFires("R6.17", "pro_russia_groups", "dominant");
		}

		@Test
		void doesNotFireWhenProRussianGroupsAreWeak() {
			Evaluation evaluation = assertDoesNotFire("R6.17", "pro_russia_groups", "weak");
			assertStillHolds(evaluation, "risk_western_lens_accelerates_russia", "R0.04");
		}

		@Test
		void doesNotFireWhenTheWestTakesANuancedView() {
			assertDoesNotFire("R6.17", "western_lens", "nuanced");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.17");
		}

	}

	@Nested
	@Exercises("R0.04")
	@DisplayName("R0.04 Simplistic Western lenses risk accelerating re-emerging Russian soft power")
	class R0_04 {

		@Test
		void firesWhenASimplisticWestMeetsReEmergingRussianSoftPower() {
			assertFires("R0.04");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndRussianSoftPowerDoesNotReEmerge() {
			Evaluation evaluation = assertDoesNotFire("R0.04", "western_engagement", "high");
			assertStillHolds(evaluation, "risk_western_lens_accelerates_russia", "R6.17");
		}

		@Test
		void doesNotFireWhenTheWestTakesANuancedView() {
			assertDoesNotFire("R0.04", "western_lens", "nuanced");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.04");
		}

	}

	@Nested
	@Exercises("R0.10")
	@DisplayName("R0.10 The West should adopt a more nuanced approach to diplomacy in the region")
	class R0_10 {

		@Test
		void firesWhenTheWesternLensAcceleratesRussianInfluence() {
			assertFires("R0.10");
		}

		@Test
		void doesNotFireWhenTheWestAlreadyTakesANuancedView() {
			assertDoesNotFire("R0.10", "western_lens", "nuanced");
		}

		@Test
		void doesNotFireWhenProRussianGroupsAreWeakAndTheWestReEngages() {
			// Breaks both derivations of the risk (R6.17 and R0.04) while the lens stays one-dimensional.
			Evaluation evaluation = assertDoesNotFire("R0.10", "pro_russia_groups", "weak", "western_engagement",
					"high");
			assertThat(evaluation.holds("risk_western_lens_accelerates_russia"))
				.as("risk_western_lens_accelerates_russia").isFalse();
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.10");
		}

	}

	// --- Russia's regional integration projects --------------------------------------------------------------

	@Nested
	@Exercises("R6.08")
	@DisplayName("R6.08 Russian hints of a friendlier stance after accession could draw Baku into the EAEU")
	class R6_08 {

		@Test
		void firesWhenMoscowHintsAtARewardAndBakuSeesMembershipAsACompromise() {
			assertFires("R6.08");
		}

		@Test
		void firesWhenBakuStillLinksMembershipToASettlement() {
			assertFires("R6.08", "eaeu_stance", "linked_to_settlement");
		}

		@Test
		void doesNotFireWhenBakuRejectsTheEaeuOutright() {
			Evaluation evaluation = assertDoesNotFire("R6.08", "eaeu_stance", "rejected");
			// Migrant leverage (R6.18) does not push a Baku that has ruled membership out either.
			assertThat(evaluation.firedRules()).doesNotContain("R6.18");
		}

		@Test
		void doesNotFireWithoutRussianHintsOfAReward() {
			Evaluation evaluation = assertDoesNotFire("R6.08", "russia_hints_reward", "false");
			assertStillHolds(evaluation, "eaeu_drift", "R6.18");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotExpectMembership() {
			assertDoesNotFire("R6.08", "russia_expects_membership", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.08");
		}

	}

	@Nested
	@Exercises("R6.09")
	@DisplayName("R6.09 The conviction that Russia can solve Karabakh, with an EAEU drift, could end in bloc membership")
	class R6_09 {

		@Test
		void firesWhenBakuDriftsTowardsTheEaeuBelievingRussiaHoldsTheKey() {
			assertFires("R6.09");
		}

		@Test
		void doesNotFireWithoutADriftTowardsTheEaeu() {
			// Without Moscow's expectation neither R6.08 nor R6.18 yields the drift.
			Evaluation evaluation = assertDoesNotFire("R6.09", "russia_expects_membership", "false");
			assertThat(evaluation.holds("eaeu_drift")).as("eaeu_drift").isFalse();
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R6.10");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			assertDoesNotFire("R6.09", "elite_believes_russia_key", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.09");
		}

	}

	@Nested
	@Exercises("R6.10")
	@DisplayName("R6.10 Softening attitudes to the CSTO, with faith in Russia on Karabakh, point towards membership")
	class R6_10 {

		@Test
		void firesWhenAttitudesToTheCstoSoftenAndTheEliteTrustsRussiaOnKarabakh() {
			assertFires("R6.10");
		}

		@Test
		void doesNotFireWhenBakuFirmlyRejectsTheCsto() {
			Evaluation evaluation = assertDoesNotFire("R6.10", "csto_stance", "rejected");
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R6.09");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			assertDoesNotFire("R6.10", "elite_believes_russia_key", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.10");
		}

	}

	@Nested
	@Exercises("R0.06")
	@DisplayName("R0.06 Joining Russian-led economic or military alliances would be a mistake")
	class R0_06 {

		@Test
		void firesWhenBakuHeadsTowardsRussianLedBlocs() {
			assertFires("R0.06");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			assertDoesNotFire("R0.06", "elite_believes_russia_key", "false");
		}

		@Test
		void doesNotFireWhenNeitherTheEaeuNorTheCstoIsInPlay() {
			assertDoesNotFire("R0.06", "russia_expects_membership", "false", "csto_stance", "rejected");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.06");
		}

	}

	// --- Nagorny Karabakh and Russia's role ------------------------------------------------------------------

	@Nested
	@Exercises("R6.02")
	@DisplayName("R6.02 Elite belief that Russia holds the key to Karabakh creates readiness to accommodate Moscow")
	class R6_02 {

		@Test
		void firesWhenTheEliteBelievesRussiaHoldsTheKey() {
			assertFires("R6.02");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			Evaluation evaluation = assertDoesNotFire("R6.02", "elite_believes_russia_key", "false");
			assertStillHolds(evaluation, "readiness_to_accommodate_russia", "R6.04");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.02");
		}

	}

	@Nested
	@Exercises("R1.01")
	@DisplayName("R1.01 Elite belief that only Russia can settle Karabakh invites concessions to Moscow")
	class R1_01 {

		@Test
		void firesWhenTheEliteBelievesOnlyRussiaCanSettleKarabakh() {
			assertFires("R1.01");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			assertDoesNotFire("R1.01", "elite_believes_russia_key", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R1.01");
		}

	}

	@Nested
	@Exercises("R0.12")
	@DisplayName("R0.12 Proponents of joining Russian-led alliances exaggerate Moscow's ability to deliver a settlement")
	class R0_12 {

		@Test
		void firesWhenGrowingPro_RussianGroupsSeeTheEaeuAsACompromise() {
			assertFires("R0.12");
		}

		@Test
		void firesWhenBakuWouldJoinOnlyAfterASettlement() {
			assertFires("R0.12", "eaeu_stance", "linked_to_settlement");
		}

		@Test
		void doesNotFireWhenPro_RussianGroupsAreWeak() {
			Evaluation evaluation = assertDoesNotFire("R0.12", "pro_russia_groups", "weak");
			assertStillHolds(evaluation, "rec_stay_out_of_russian_blocs", "R0.06");
		}

		@Test
		void doesNotFireWhenBakuRejectsTheEaeu() {
			assertDoesNotFire("R0.12", "eaeu_stance", "rejected");
		}

		@Test
		void givesTheRecommendationTheStrengthThePaperStatesItWith() {
			Evaluation evaluation = RuleHarness.evaluate();
			assertThat(evaluation.finding("rec_stay_out_of_russian_blocs")).hasValueSatisfying(
					(f) -> assertThat(f.strength()).isEqualTo(org.policyadvisor.engine.Strength.ASSERTED));
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.12");
		}

	}

	@Nested
	@Exercises("R6.03")
	@DisplayName("R6.03 Strained Russian-Armenian ties after Armenia's revolution tempt some in Baku towards force")
	class R6_03 {

		@Test
		void firesWhenArmeniasRevolutionStrainsItsTiesWithRussia() {
			assertFires("R6.03");
		}

		@Test
		void doesNotFireWhileRussiaAndArmeniaRemainClose() {
			assertDoesNotFire("R6.03", "russia_armenia_relations", "close");
		}

		@Test
		void doesNotFireWithoutArmeniasChangeOfGovernment() {
			assertDoesNotFire("R6.03", "armenia_new_government", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.03");
		}

	}

	@Nested
	@Exercises("R6.04")
	@DisplayName("R6.04 A military option would need Moscow's approval, so it too makes Baku accommodate Russia")
	class R6_04 {

		@Test
		void firesWhenSomeInBakuAreTemptedByAMilitaryOption() {
			assertFires("R6.04");
		}

		@Test
		void doesNotFireWhileRussiaAndArmeniaRemainClose() {
			Evaluation evaluation = assertDoesNotFire("R6.04", "russia_armenia_relations", "close");
			assertStillHolds(evaluation, "readiness_to_accommodate_russia", "R6.02");
		}

		@Test
		void doesNotFireWithoutArmeniasChangeOfGovernment() {
			assertDoesNotFire("R6.04", "armenia_new_government", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.04");
		}

	}

	@Nested
	@Exercises("R6.05")
	@DisplayName("R6.05 Readiness to accommodate an assertive Russia gives it the potential to force Karabakh policy")
	class R6_05 {

		@Test
		void firesWhenBakuIsReadyToAccommodateAnAssertiveRussia() {
			assertFires("R6.05");
		}

		@Test
		void firesEvenWhenRussiaIsOnlyModeratelyAssertive() {
			assertFires("R6.05", "russian_power_projection", "medium");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R6.05", "russian_power_projection", "low");
		}

		@Test
		void doesNotFireWhenBakuHasNoReasonToAccommodateMoscow() {
			// Neither faith in Russia on Karabakh (R6.02) nor a tempting military option (R6.04).
			Evaluation evaluation = assertDoesNotFire("R6.05", "elite_believes_russia_key", "false",
					"russia_armenia_relations", "close");
			assertThat(evaluation.holds("readiness_to_accommodate_russia")).as("readiness_to_accommodate_russia")
				.isFalse();
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.05");
		}

	}

	@Nested
	@Exercises("R6.06")
	@DisplayName("R6.06 Baku should use Armenia's new realities for direct talks and a peace plan without mediators")
	class R6_06 {

		@Test
		void firesWhenRussiaCouldForceKarabakhPolicyAndArmeniaHasANewGovernment() {
			assertFires("R6.06");
		}

		@Test
		void firesAlongsideAnArmenianOfferOfDirectTalks() {
			assertFires("R6.06", "armenia_direct_talks", "offered");
		}

		@Test
		void doesNotFireWhenRussiaCannotForceKarabakhPolicy() {
			// With Armenia offering talks the recommendation still stands, but only through R0.05.
			Evaluation evaluation = assertDoesNotFire("R6.06", "armenia_direct_talks", "offered",
					"russian_power_projection", "low");
			assertStillHolds(evaluation, "rec_direct_talks_with_armenia", "R0.05");
		}

		@Test
		void doesNotFireWithoutArmeniasChangeOfGovernment() {
			assertDoesNotFire("R6.06", "armenia_new_government", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.06");
		}

	}

	@Nested
	@Exercises("R0.05")
	@DisplayName("R0.05 An Armenian offer of direct bilateral talks makes reconciliation the better alternative")
	class R0_05 {

		@Test
		void firesWhenArmeniasNewGovernmentOffersDirectTalks() {
			assertFires("R0.05", "armenia_direct_talks", "offered");
		}

		@Test
		void doesNotFireWhileArmeniasIntentionsAreUnclear() {
			Evaluation evaluation = assertDoesNotFire("R0.05", "armenia_direct_talks", "unclear");
			assertStillHolds(evaluation, "rec_direct_talks_with_armenia", "R6.06");
		}

		@Test
		void doesNotFireWhenArmeniaRefusesDirectTalks() {
			assertDoesNotFire("R0.05", "armenia_direct_talks", "refused");
		}

		@Test
		void doesNotFireWithoutArmeniasChangeOfGovernment() {
			assertDoesNotFire("R0.05", "armenia_direct_talks", "offered", "armenia_new_government", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.05", "armenia_direct_talks", "offered");
		}

	}

	@Nested
	@Exercises("R6.07")
	@DisplayName("R6.07 Armenia's new government should spell out its strategy for a peaceful solution")
	class R6_07 {

		@Test
		void firesWhileTheNewGovernmentsIntentionsAreUnclear() {
			assertFires("R6.07");
		}

		@Test
		void doesNotFireOnceArmeniaHasOfferedDirectTalks() {
			assertDoesNotFire("R6.07", "armenia_direct_talks", "offered");
		}

		@Test
		void doesNotFireWhenArmeniaRefusesDirectTalks() {
			assertDoesNotFire("R6.07", "armenia_direct_talks", "refused");
		}

		@Test
		void doesNotFireWithoutArmeniasChangeOfGovernment() {
			assertDoesNotFire("R6.07", "armenia_new_government", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.07");
		}

	}

	// --- The Azerbaijani diaspora in Russia ------------------------------------------------------------------

	@Nested
	@Exercises("R6.11")
	@DisplayName("R6.11 Dependence on remittances gives Russia leverage through threats to deport labour migrants")
	class R6_11 {

		@Test
		void firesWhenHouseholdsDependHeavilyOnRemittances() {
			assertFires("R6.11");
		}

		@Test
		void firesWhenHouseholdsDependModeratelyOnRemittances() {
			assertFires("R6.11", "remittance_dependence", "medium");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			assertDoesNotFire("R6.11", "remittance_dependence", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.11");
		}

	}

	@Nested
	@Exercises("R6.12")
	@DisplayName("R6.12 Easier Russian citizenship brings more of the diaspora under Russian jurisdiction")
	class R6_12 {

		@Test
		void firesWhenMoreAzerbaijanisInRussiaTakeRussianCitizenship() {
			assertFires("R6.12");
		}

		@Test
		void doesNotFireWhenFewAzerbaijanisTakeRussianCitizenship() {
			assertDoesNotFire("R6.12", "russian_citizenship_rising", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.12");
		}

	}

	@Nested
	@Exercises("R6.13")
	@DisplayName("R6.13 Remittance leverage makes the diaspora a risk for relations with Russia")
	class R6_13 {

		@Test
		void firesWhenRemittancesGiveRussiaLeverage() {
			assertFires("R6.13");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			Evaluation evaluation = assertDoesNotFire("R6.13", "remittance_dependence", "low");
			assertStillHolds(evaluation, "risk_diaspora_leverage", "R6.14");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.13");
		}

	}

	@Nested
	@Exercises("R6.14")
	@DisplayName("R6.14 A fragmented diaspora open to Russian control adds to the diaspora risk")
	class R6_14 {

		@Test
		void firesWhenTheDiasporaIsOpenToRussianControl() {
			assertFires("R6.14");
		}

		@Test
		void doesNotFireWhenFewAzerbaijanisTakeRussianCitizenship() {
			Evaluation evaluation = assertDoesNotFire("R6.14", "russian_citizenship_rising", "false");
			assertStillHolds(evaluation, "risk_diaspora_leverage", "R6.13");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.14");
		}

	}

	@Nested
	@Exercises("R6.15")
	@DisplayName("R6.15 A threatened mass return of migrants could destabilise Azerbaijan")
	class R6_15 {

		@Test
		void firesWhenRussiaThreatensToDeportMigrantsHouseholdsDependOn() {
			assertFires("R6.15", "deportation_threat", "true");
		}

		@Test
		void doesNotFireWithoutADeportationThreat() {
			assertDoesNotFire("R6.15", "deportation_threat", "false");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			assertDoesNotFire("R6.15", "deportation_threat", "true", "remittance_dependence", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.15", "deportation_threat", "true");
		}

	}

	@Nested
	@Exercises("R6.18")
	@DisplayName("R6.18 Migrant leverage strengthens Russia's hand in pushing Baku towards the EAEU")
	class R6_18 {

		@Test
		void firesWhenMoscowHasMigrantLeverageAndExpectsMembership() {
			assertFires("R6.18");
		}

		@Test
		void doesNotFireWhenFewHouseholdsDependOnRemittances() {
			Evaluation evaluation = assertDoesNotFire("R6.18", "remittance_dependence", "low");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotExpectMembership() {
			assertDoesNotFire("R6.18", "russia_expects_membership", "false");
		}

		@Test
		void doesNotFireWhenBakuRulesMembershipOut() {
			assertDoesNotFire("R6.18", "eaeu_stance", "rejected");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.18");
		}

	}

	@Nested
	@Exercises("R6.20")
	@DisplayName("R6.20 Baku should tackle unemployment and poverty rather than create diaspora organisations")
	class R6_20 {

		@Test
		void firesWhenTheDiasporaIsALeverAndUnemploymentAndPovertyAreHigh() {
			assertFires("R6.20");
		}

		@Test
		void firesWhenUnemploymentAndPovertyAreModerate() {
			assertFires("R6.20", "unemployment_poverty", "medium");
		}

		@Test
		void doesNotFireWhenUnemploymentAndPovertyAreLow() {
			assertDoesNotFire("R6.20", "unemployment_poverty", "low");
		}

		@Test
		void doesNotFireWithoutADiasporaRisk() {
			// Both derivations of the diaspora risk (R6.13 and R6.14) broken.
			Evaluation evaluation = assertDoesNotFire("R6.20", "remittance_dependence", "low",
					"russian_citizenship_rising", "false");
			assertThat(evaluation.holds("risk_diaspora_leverage")).as("risk_diaspora_leverage").isFalse();
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.20");
		}

	}

	// --- Russian soft power in Azerbaijan --------------------------------------------------------------------

	@Nested
	@Exercises("R6.21")
	@DisplayName("R6.21 Without Western media or a government strategy, pro-Russian outlets risk monopolising the media")
	class R6_21 {

		@Test
		void firesWhenWesternMediaAreScarceAndTheGovernmentHasNoStrategy() {
			assertFires("R6.21");
		}

		@Test
		void firesWhenRussiaInvestsModeratelyInSoftPower() {
			assertFires("R6.21", "russian_soft_power_effort", "medium");
		}

		@Test
		void doesNotFireWhenWesternMediaAndEducationAreModeratelyAvailable() {
			Evaluation evaluation = assertDoesNotFire("R6.21", "western_media_education", "moderate");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.24");
		}

		@Test
		void doesNotFireWhenTheGovernmentHasAMediaAndEducationStrategy() {
			assertDoesNotFire("R6.21", "government_media_education_strategy", "true");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R6.21", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.21");
		}

	}

	@Nested
	@Exercises("R6.22")
	@DisplayName("R6.22 Growing Russian-language education with scarce Western education enlarges the Russian information space")
	class R6_22 {

		@Test
		void firesWhenRussianLanguageEducationGrowsAndWesternEducationIsScarce() {
			assertFires("R6.22");
		}

		@Test
		void firesWhenWesternEducationIsOnlyModeratelyAvailable() {
			assertFires("R6.22", "western_media_education", "moderate");
		}

		@Test
		void doesNotFireWhenRussianLanguageEducationIsStable() {
			Evaluation evaluation = assertDoesNotFire("R6.22", "russian_education_growth", "stable");
			assertStillHolds(evaluation, "russian_info_space_grows", "R6.23");
		}

		@Test
		void doesNotFireWhenWesternEducationIsWidelyAvailable() {
			assertDoesNotFire("R6.22", "western_media_education", "wide");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.22");
		}

	}

	@Nested
	@Exercises("R6.23")
	@DisplayName("R6.23 Poor local media and low English skills support the spread of the Russian information space")
	class R6_23 {

		@Test
		void firesWhenLocalMediaArePoorAndEnglishSkillsLow() {
			assertFires("R6.23");
		}

		@Test
		void doesNotFireWhenLocalMediaImprove() {
			Evaluation evaluation = assertDoesNotFire("R6.23", "local_media_quality", "fair");
			assertStillHolds(evaluation, "russian_info_space_grows", "R6.22");
		}

		@Test
		void doesNotFireWhenEnglishSkillsAreWidespread() {
			assertDoesNotFire("R6.23", "english_skills", "high");
		}

		@Test
		void doesNotFireWhenRussiaInvestsLittleInSoftPower() {
			assertDoesNotFire("R6.23", "russian_soft_power_effort", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.23");
		}

	}

	@Nested
	@Exercises("R6.24")
	@DisplayName("R6.24 A growing Russian information space is Russia's growing use of soft power")
	class R6_24 {

		@Test
		void firesWhenTheRussianInformationSpaceGrows() {
			assertFires("R6.24");
		}

		@Test
		void doesNotFireWhenTheRussianInformationSpaceDoesNotGrow() {
			// Breaks both R6.22 (education) and R6.23 (English skills); R6.21 still carries the risk.
			Evaluation evaluation = assertDoesNotFire("R6.24", "russian_education_growth", "stable",
					"english_skills", "medium");
			assertThat(evaluation.holds("russian_info_space_grows")).as("russian_info_space_grows").isFalse();
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.21");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.24");
		}

	}

	@Nested
	@Exercises("R6.25")
	@DisplayName("R6.25 Graduates of Russian universities will carry a Russia-oriented worldview into government")
	class R6_25 {

		@Test
		void firesWhenRussianLanguageEducationGrows() {
			assertFires("R6.25");
		}

		@Test
		void doesNotFireWhenRussianLanguageEducationIsStable() {
			assertDoesNotFire("R6.25", "russian_education_growth", "stable");
		}

		@Test
		void doesNotFireWhenRussianLanguageEducationShrinks() {
			assertDoesNotFire("R6.25", "russian_education_growth", "shrinking");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.25");
		}

	}

	@Nested
	@Exercises("R6.26")
	@DisplayName("R6.26 Russia-oriented graduates in public positions deepen the soft-power risk")
	class R6_26 {

		@Test
		void firesWhenRussiaOrientedGraduatesEnterPublicLife() {
			assertFires("R6.26");
		}

		@Test
		void doesNotFireWhenRussianLanguageEducationShrinks() {
			Evaluation evaluation = assertDoesNotFire("R6.26", "russian_education_growth", "shrinking");
			assertStillHolds(evaluation, "risk_russian_soft_power", "R6.21");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.26");
		}

	}

	// --- Oil dependence, reform and domestic stability -------------------------------------------------------

	@Nested
	@Exercises("R0.07")
	@DisplayName("R0.07 Oil dependence without reform makes the leadership hostage to the oil price")
	class R0_07 {

		@Test
		void firesWhenTheEconomyRestsOnOilAndReformsAreLacking() {
			assertFires("R0.07");
		}

		@Test
		void doesNotFireWhenReformsAreUnderWay() {
			assertDoesNotFire("R0.07", "genuine_reforms", "partial");
		}

		@Test
		void doesNotFireWhenTheEconomyIsLessDependentOnOil() {
			assertDoesNotFire("R0.07", "oil_dependence", "medium");
		}

		@Test
		void doesNotFireWhenReformsAreGenuine() {
			assertDoesNotFire("R0.07", "genuine_reforms", "genuine");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.07");
		}

	}

	@Nested
	@Exercises("R0.08")
	@DisplayName("R0.08 Low oil prices could bring economic collapse, chaos and more Russian influence")
	class R0_08 {

		@Test
		void firesWhenOilPricesFallOnAnOilDependentLeadership() {
			assertFires("R0.08", "oil_price", "low");
		}

		@Test
		void doesNotFireAtMiddlingOilPrices() {
			assertDoesNotFire("R0.08", "oil_price", "medium");
		}

		@Test
		void doesNotFireWhenReformsAreGenuine() {
			assertDoesNotFire("R0.08", "oil_price", "low", "genuine_reforms", "genuine");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.08", "oil_price", "low");
		}

	}

	@Nested
	@Exercises("R0.09")
	@DisplayName("R0.09 Azerbaijan needs genuine political and economic reforms to avoid chaos and regain respect")
	class R0_09 {

		@Test
		void firesWhenTheLeadershipIsHostageToTheOilPrice() {
			assertFires("R0.09");
		}

		@Test
		void doesNotFireWhenTheEconomyIsDiversified() {
			Evaluation evaluation = assertDoesNotFire("R0.09", "oil_dependence", "low");
			assertStillHolds(evaluation, "rec_genuine_reforms", "R0.11");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.09");
		}

	}

	@Nested
	@Exercises("R0.11")
	@DisplayName("R0.11 Pacifying Russia without reform calls for Baku to build stability and reduce dependence on Russia")
	class R0_11 {

		@Test
		void firesWhenBakuPacifiesRussiaWithoutReform() {
			assertFires("R0.11");
		}

		@Test
		void doesNotFireWhenTheWestReEngagesAndBakuNeedNotPacifyRussia() {
			Evaluation evaluation = assertDoesNotFire("R0.11", "western_engagement", "high");
			assertStillHolds(evaluation, "rec_genuine_reforms", "R0.09");
		}

		@Test
		void doesNotFireWhenReformsAreGenuine() {
			assertDoesNotFire("R0.11", "genuine_reforms", "genuine");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R0.11");
		}

	}

	// --- Beliefs the paper disputes --------------------------------------------------------------------------

	@Nested
	@Exercises("R6.29")
	@DisplayName("R6.29 The elite's belief that Russia can resolve Azerbaijan's critical issues is mistaken")
	class R6_29 {

		@Test
		void firesWhenTheEliteBelievesRussiaHoldsTheKey() {
			Evaluation evaluation = assertFires("R6.29");
			assertThat(evaluation.holds("disputed_only_russia_can_settle")).isTrue();
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesIt() {
			Evaluation evaluation = assertDoesNotFire("R6.29", "elite_believes_russia_key", "false");
			assertThat(evaluation.holds("disputed_only_russia_can_settle")).isFalse();
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.29");
		}

	}

	@Nested
	@Exercises("R6.30")
	@DisplayName("R6.30 The elite's view that the West seeks to overthrow the government is mistaken")
	class R6_30 {

		@Test
		void firesWhenTheEliteReadsTheWestAsSeekingRegimeChange() {
			assertFires("R6.30");
		}

		@Test
		void doesNotFireWhenTheEliteDoesNotReadTheWestThatWay() {
			assertDoesNotFire("R6.30", "elite_sees_west_as_regime_change", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R6.30");
		}

	}

}
