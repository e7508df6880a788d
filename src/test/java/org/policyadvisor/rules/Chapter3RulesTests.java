package org.policyadvisor.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.PackDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotFire;
import static org.policyadvisor.rules.RuleHarness.assertFires;
import static org.policyadvisor.rules.RuleHarness.assertStrengthWithinRule;
import static org.policyadvisor.rules.RuleHarness.evaluate;
import static org.policyadvisor.rules.RuleHarness.assertStillHolds;

/**
 * One nested class per rule of chapter 3 of the paper, "Security Issues and Regional Integration" (R3.xx). Each
 * starts from the early-2019 situation (the defaults) and changes as little as possible. Where a conclusion has
 * several derivations, the doesNotFire tests also check that it still holds through another rule, so that they pin
 * down the rule named and not merely its conclusion; where it has one, they check that it is gone.
 */
@DisplayName("Rules of chapter 3: Security Issues and Regional Integration")
class Chapter3RulesTests {

	private static void assertGone(Evaluation evaluation, String conclusionId) {
		assertThat(evaluation.holds(conclusionId)).as("'%s' should not hold", conclusionId).isFalse();
	}

	// --- Russia's role in the Karabakh negotiations (ch03-mediation.drl) -----------------------------------

	@Nested
	@Exercises("R3.01")
	@DisplayName("R3.01 Armenia's dependence on Russia keeps Russia in a privileged role in the Karabakh negotiations")
	class R3_01 {

		@Test
		void firesWhileArmeniaDependsHeavilyOnRussia() {
			assertFires("R3.01");
		}

		@Test
		void firesEvenWhenArmeniaIsOnlyModeratelyDependent() {
			assertFires("R3.01", "armenia_dependence_on_russia", "medium");
		}

		@Test
		void doesNotFireWhenArmeniaHardlyDependsOnRussia() {
			// Without the privileged role, the peace half of Russia's final say (R3.21) goes too.
			Evaluation evaluation = assertDoesNotFire("R3.01", "armenia_dependence_on_russia", "low");
			assertGone(evaluation, "russia_privileged_mediator");
			assertGone(evaluation, "risk_russia_final_say");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.01");
		}

	}

	@Nested
	@Exercises("R3.02")
	@DisplayName("R3.02 The elite's belief that only Russia can lead or block the talks makes Baku look to Moscow")
	class R3_02 {

		@Test
		void firesWhenTheEliteBelievesRussiaHoldsTheKey() {
			assertFires("R3.02");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesIt() {
			// Baku still looks to Moscow on the strength of its arms purchases.
			Evaluation evaluation = assertDoesNotFire("R3.02", "elite_believes_russia_key", "false");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.05");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.02");
		}

	}

	@Nested
	@Exercises("R3.03")
	@DisplayName("R3.03 Settlement-seeking Russian mediation without a geopolitical goal is welcomed by the elite")
	class R3_03 {

		@Test
		void firesIn2008To2011WhenRussiaSoughtASettlementWithoutAGeopoliticalGoal() {
			assertFires("R3.03", "russia_karabakh_mediation", "presidential_trilateral", "russia_expects_membership",
					"false");
		}

		@Test
		void doesNotFireOnceRussiasMediationIsDowngraded() {
			Evaluation evaluation = assertDoesNotFire("R3.03", "russia_expects_membership", "false");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.05");
		}

		@Test
		void doesNotFireWhenRussiaWantsBakuInItsIntegrationProjects() {
			// The paper ties the positive view to the absence of a goal such as enticing Baku into the EAEU.
			assertDoesNotFire("R3.03", "russia_karabakh_mediation", "presidential_trilateral");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.03", "russia_karabakh_mediation", "presidential_trilateral",
					"russia_expects_membership", "false");
		}

	}

	@Nested
	@Exercises("R3.04")
	@DisplayName("R3.04 Russia's need for cooperation with the West after Ukraine leads the elite to expect a greater Russian effort")
	class R3_04 {

		@Test
		void firesWhileRussiaIsAtOddsWithTheWestOverUkraine() {
			assertFires("R3.04");
		}

		@Test
		void doesNotFireBeforeCrimea() {
			Evaluation evaluation = assertDoesNotFire("R3.04", "russia_ukraine_aggression", "false");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.05");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.04");
		}

	}

	@Nested
	@Exercises("R3.05")
	@DisplayName("R3.05 Years of arms purchases from Russia lead Baku to expect Russian support in the talks")
	class R3_05 {

		@Test
		void firesWhenBakuBuysRussianArmsOnAMajorScale() {
			assertFires("R3.05");
		}

		@Test
		void doesNotFireWhenPurchasesAreModest() {
			Evaluation evaluation = assertDoesNotFire("R3.05", "russian_arms_purchases", "modest");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.04");
		}

		@Test
		void doesNotFireWithoutRussianArmsPurchases() {
			assertDoesNotFire("R3.05", "russian_arms_purchases", "none");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.05");
		}

	}

	@Nested
	@Exercises("R3.06")
	@DisplayName("R3.06 Offering to join the EAEU once the conflict is resolved is meant to push Russia into helping Baku")
	class R3_06 {

		@Test
		void firesWhenBakuOffersToJoinTheEaeuAfterASettlement() {
			assertFires("R3.06", "eaeu_stance", "linked_to_settlement");
		}

		@Test
		void doesNotFireWhenBakuSeesMembershipAsACompromiseInItself() {
			// The early-2019 stance: the link to a settlement has gone since Moscow rejected the formula.
			Evaluation evaluation = assertDoesNotFire("R3.06");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.02");
		}

		@Test
		void doesNotFireWhenBakuRejectsTheEaeu() {
			assertDoesNotFire("R3.06", "eaeu_stance", "rejected");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.06", "eaeu_stance", "linked_to_settlement");
		}

	}

	@Nested
	@Exercises("R3.07")
	@DisplayName("R3.07 As Armenia's ally, Russia cannot afford even the suggestion of a pro-Azerbaijan shift")
	class R3_07 {

		@Test
		void firesWhileArmeniaIsInTheCstoAndTheEaeu() {
			assertFires("R3.07");
		}

		@Test
		void firesWhenArmeniaIsInTheCstoOnly() {
			assertFires("R3.07", "armenia_bloc_membership", "csto_only");
		}

		@Test
		void doesNotFireWhenArmeniaIsInNeitherBloc() {
			Evaluation evaluation = assertDoesNotFire("R3.07", "armenia_bloc_membership", "neither");
			assertGone(evaluation, "russia_bound_to_armenia");
			assertGone(evaluation, "risk_russia_rearms_armenia");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.07");
		}

	}

	@Nested
	@Exercises("R3.08")
	@DisplayName("R3.08 Armenia's EAEU membership potentially limits Russia's leverage over it in the talks")
	class R3_08 {

		@Test
		void firesWhileArmeniaIsInTheEaeu() {
			assertFires("R3.08");
		}

		@Test
		void doesNotFireBeforeArmeniaJoinsTheEaeu() {
			Evaluation evaluation = assertDoesNotFire("R3.08", "armenia_bloc_membership", "csto_only");
			assertGone(evaluation, "russia_leverage_on_armenia_limited");
			assertStillHolds(evaluation, "disputed_russia_can_press_armenia", "R3.10");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.08");
		}

	}

	@Nested
	@Exercises("R3.09")
	@DisplayName("R3.09 Finding no formula to satisfy both sides, Russia downgraded its mediation after the 2011 collapse")
	class R3_09 {

		@Test
		void firesOnceRussiaHasDowngradedItsMediationToForeignMinisters() {
			assertFires("R3.09");
		}

		@Test
		void doesNotFireWhileTheTrilateralPresidentialFormatRuns() {
			assertDoesNotFire("R3.09", "russia_karabakh_mediation", "presidential_trilateral");
		}

		@Test
		void doesNotFireWhenRussiaIsOneCoChairAmongThree() {
			assertDoesNotFire("R3.09", "russia_karabakh_mediation", "minsk_co_chair");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.09");
		}

	}

	@Nested
	@Exercises("R3.10")
	@DisplayName("R3.10 Baku overestimates Russia's mediating role, since Russia cannot abandon Armenia")
	class R3_10 {

		@Test
		void firesWhenBakuLooksToMoscowAndRussiaIsBoundToArmenia() {
			Evaluation evaluation = assertFires("R3.10");
			assertThat(evaluation.holds("disputed_russia_can_press_armenia")).isTrue();
		}

		@Test
		void doesNotFireWhenArmeniaIsNoAllyOfRussia() {
			// Russia's downgraded mediation still tells against the belief.
			Evaluation evaluation = assertDoesNotFire("R3.10", "armenia_bloc_membership", "neither");
			assertStillHolds(evaluation, "disputed_russia_can_press_armenia", "R3.12");
		}

		@Test
		void doesNotFireWhenBakuNoLongerLooksToMoscow() {
			// No belief in Russia's key role, no investment through arms, no Ukraine-era hopes, no EAEU bargaining.
			Evaluation evaluation = assertDoesNotFire("R3.10", "elite_believes_russia_key", "false",
					"russia_ukraine_aggression", "false", "russian_arms_purchases", "modest");
			assertGone(evaluation, "baku_looks_to_russia");
			assertGone(evaluation, "disputed_russia_can_press_armenia");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.10");
		}

	}

	@Nested
	@Exercises("R3.11")
	@DisplayName("R3.11 Expecting Russia to press Armenia misreads Armenia's EAEU calculus")
	class R3_11 {

		@Test
		void firesWhenBakuLooksToMoscowWhileArmeniaIsInTheEaeu() {
			assertFires("R3.11");
		}

		@Test
		void doesNotFireBeforeArmeniaJoinsTheEaeu() {
			Evaluation evaluation = assertDoesNotFire("R3.11", "armenia_bloc_membership", "csto_only");
			assertStillHolds(evaluation, "disputed_russia_can_press_armenia", "R3.10");
		}

		@Test
		void doesNotFireWhenBakuNoLongerLooksToMoscow() {
			assertDoesNotFire("R3.11", "elite_believes_russia_key", "false", "russia_ukraine_aggression", "false",
					"russian_arms_purchases", "none");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			// Built on a possible effect (R3.08), the derivation is possible at most.
			assertStrengthWithinRule("R3.11");
		}

	}

	@Nested
	@Exercises("R3.12")
	@DisplayName("R3.12 Russia's downgraded mediation belies Baku's hopes that Moscow will re-engage on its behalf")
	class R3_12 {

		@Test
		void firesWhenBakuLooksToAMoscowThatHasDowngradedItsMediation() {
			assertFires("R3.12");
		}

		@Test
		void doesNotFireWhileRussiaRunsThePresidentialFormat() {
			Evaluation evaluation = assertDoesNotFire("R3.12", "russia_karabakh_mediation", "presidential_trilateral");
			assertStillHolds(evaluation, "disputed_russia_can_press_armenia", "R3.10");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.12");
		}

	}

	// --- Peacekeepers, the April 2016 war and the military option (ch03-peacekeeping-and-war.drl) ----------

	@Nested
	@Exercises("R3.13")
	@DisplayName("R3.13 Russian peacekeepers accepted as inevitable could evolve into a permanent Russian military base")
	class R3_13 {

		@Test
		void firesWhenTheEliteSeesRussianPeacekeepersAsUnavoidable() {
			assertFires("R3.13");
		}

		@Test
		void firesWhenRussianPeacekeepersAreDeployed() {
			assertFires("R3.13", "russian_peacekeepers", "deployed");
		}

		@Test
		void doesNotFireWhileBakuOpposesAnyRussianPeacekeepingRole() {
			Evaluation evaluation = assertDoesNotFire("R3.13", "russian_peacekeepers", "opposed");
			assertGone(evaluation, "risk_russian_military_base");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.13");
		}

	}

	@Nested
	@Exercises("R3.14")
	@DisplayName("R3.14 Russian neutrality in a flare-up damages Russia's image in both Azerbaijan and Armenia")
	class R3_14 {

		@Test
		void firesAfterAFlareUpInWhichRussiaStaysNeutral() {
			assertFires("R3.14");
		}

		@Test
		void doesNotFireWhileTheCeasefireHolds() {
			assertDoesNotFire("R3.14", "karabakh_fighting", "ceasefire_holds");
		}

		@Test
		void doesNotFireInFullScaleWar() {
			assertDoesNotFire("R3.14", "karabakh_fighting", "full_scale_war");
		}

		@Test
		void doesNotFireWhenRussiaSidesWithArmeniaAndRestrainsBaku() {
			assertDoesNotFire("R3.14", "russia_stance_on_escalation", "restrains_baku");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.14");
		}

	}

	@Nested
	@Exercises("R3.15")
	@DisplayName("R3.15 The elite expects the reality check of a flare-up to change Russia's policy in Baku's favour")
	class R3_15 {

		@Test
		void firesWhenTheEliteReadsTheFlareUpAsARealityCheckForRussia() {
			assertFires("R3.15");
		}

		@Test
		void doesNotFireWhenTheEliteNoLongerBelievesRussiaHoldsTheKey() {
			Evaluation evaluation = assertDoesNotFire("R3.15", "elite_believes_russia_key", "false");
			assertGone(evaluation, "elite_hopes_russian_guarantee");
		}

		@Test
		void doesNotFireWithoutARealityCheck() {
			assertDoesNotFire("R3.15", "karabakh_fighting", "ceasefire_holds");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.15");
		}

	}

	@Nested
	@Exercises("R3.16")
	@DisplayName("R3.16 The hoped-for Russian guarantee to Armenia would make both countries more dependent on Russia")
	class R3_16 {

		@Test
		void firesWhenTheEliteHopesForARussianGuaranteeToArmenia() {
			assertFires("R3.16");
		}

		@Test
		void doesNotFireWithoutTheHope() {
			Evaluation evaluation = assertDoesNotFire("R3.16", "russia_stance_on_escalation", "restrains_baku");
			assertGone(evaluation, "risk_deeper_dependence_on_russia");
		}

		@Test
		void doesNotFireWhenTheDealIsAlreadyStruckWithoutTheHope() {
			// The dependence then comes from the settlement itself.
			Evaluation evaluation = assertDoesNotFire("R3.16", "karabakh_fighting", "ceasefire_holds",
					"russia_brokered_settlement", "true");
			assertStillHolds(evaluation, "risk_deeper_dependence_on_russia", "R3.17");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.16");
		}

	}

	@Nested
	@Exercises("R3.17")
	@DisplayName("R3.17 Under a Russia-brokered settlement Baku must keep Russia on its side to see the conflict resolved")
	class R3_17 {

		@Test
		void firesUnderARussiaBrokeredSettlement() {
			assertFires("R3.17", "russia_brokered_settlement", "true");
		}

		@Test
		void firesUnderARussiaBrokeredSettlementEvenWithoutTheElitesFaithInRussia() {
			assertFires("R3.17", "russia_brokered_settlement", "true", "elite_believes_russia_key", "false");
		}

		@Test
		void doesNotFireWithoutASettlement() {
			// In early 2019 the deal is only hoped for.
			Evaluation evaluation = assertDoesNotFire("R3.17");
			assertStillHolds(evaluation, "risk_deeper_dependence_on_russia", "R3.16");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.17", "russia_brokered_settlement", "true");
		}

	}

	@Nested
	@Exercises("R3.18")
	@DisplayName("R3.18 Deeper dependence on Russia could give Moscow leverage to compel EAEU and CSTO membership")
	class R3_18 {

		@Test
		void firesWhenDeeperDependenceMeetsMoscowsExpectationOfMembership() {
			assertFires("R3.18");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotExpectMembership() {
			Evaluation evaluation = assertDoesNotFire("R3.18", "russia_expects_membership", "false");
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R6.10");
		}

		@Test
		void doesNotFireWithoutDeeperDependence() {
			Evaluation evaluation = assertDoesNotFire("R3.18", "karabakh_fighting", "ceasefire_holds");
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R6.09");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.18");
			assertStrengthWithinRule("R3.18", "russia_brokered_settlement", "true");
		}

	}

	@Nested
	@Exercises("R3.19")
	@DisplayName("R3.19 Having seemed neutral in a flare-up, Russia must rearm Armenia to remain a reliable ally")
	class R3_19 {

		@Test
		void firesWhenRussiaStayedNeutralInAFlareUpAndIsBoundToArmenia() {
			assertFires("R3.19");
		}

		@Test
		void doesNotFireWhenRussiaRestrainedBaku() {
			Evaluation evaluation = assertDoesNotFire("R3.19", "russia_stance_on_escalation", "restrains_baku");
			assertGone(evaluation, "risk_russia_rearms_armenia");
		}

		@Test
		void doesNotFireWhenArmeniaIsNoAllyOfRussia() {
			assertDoesNotFire("R3.19", "armenia_bloc_membership", "neither");
		}

		@Test
		void doesNotFireWhileTheCeasefireHolds() {
			assertDoesNotFire("R3.19", "karabakh_fighting", "ceasefire_holds");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.19");
		}

	}

	@Nested
	@Exercises("R3.20")
	@DisplayName("R3.20 With the negotiations stalled, military pressure on Armenia is Baku's only alternative")
	class R3_20 {

		@Test
		void firesWhileTheNegotiationsAreStalled() {
			assertFires("R3.20");
		}

		@Test
		void doesNotFireWhenTheNegotiationsProgress() {
			Evaluation evaluation = assertDoesNotFire("R3.20", "karabakh_talks_stalled", "false");
			assertGone(evaluation, "military_pressure_only_alternative");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.20");
		}

	}

	@Nested
	@Exercises("R3.21")
	@DisplayName("R3.21 With peace running through Moscow's mediation and force needing its neutrality, Russia has the final say")
	class R3_21 {

		@Test
		void firesWhenBothPeaceAndForceRunThroughMoscow() {
			assertFires("R3.21");
		}

		@Test
		void doesNotFireWhenTheNegotiationsProgress() {
			Evaluation evaluation = assertDoesNotFire("R3.21", "karabakh_talks_stalled", "false");
			assertGone(evaluation, "risk_russia_final_say");
		}

		@Test
		void doesNotFireWhenRussiaHasNoPrivilegedRoleInTheTalks() {
			assertDoesNotFire("R3.21", "armenia_dependence_on_russia", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.21");
		}

	}

	// --- Russia's regional integration projects (ch03-eurasian-integration.drl) ----------------------------

	@Nested
	@Exercises("R3.22")
	@DisplayName("R3.22 After Ukraine, drifting into the EAEU means joining a purely geopolitical project")
	class R3_22 {

		@Test
		void firesWhenBakuDriftsTowardsTheEaeuAfterUkraine() {
			assertFires("R3.22");
		}

		@Test
		void doesNotFireBeforeCrimea() {
			Evaluation evaluation = assertDoesNotFire("R3.22", "russia_ukraine_aggression", "false");
			assertGone(evaluation, "risk_eaeu_geopolitical_project");
		}

		@Test
		void doesNotFireWithoutADriftTowardsTheEaeu() {
			// Without Moscow's expectation neither R6.08, R6.18 nor R3.28 yields the drift.
			Evaluation evaluation = assertDoesNotFire("R3.22", "russia_expects_membership", "false");
			assertGone(evaluation, "eaeu_drift");
		}

		@Test
		void doesNotFireOnceTheEaeuReachesBeyondThePostSovietSpace() {
			// Expansion adds to the drift (R3.23) but sheds the image of a Russia-controlled bloc.
			Evaluation evaluation = assertDoesNotFire("R3.22", "eaeu_beyond_post_soviet", "true");
			assertThat(evaluation.holds("eaeu_drift")).as("eaeu_drift").isTrue();
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.22");
		}

	}

	@Nested
	@Exercises("R3.23")
	@DisplayName("R3.23 An EAEU expanded beyond the post-Soviet space would make membership acceptable to Baku")
	class R3_23 {

		@Test
		void firesWhenTheEaeuExpandsBeyondThePostSovietSpace() {
			assertFires("R3.23", "eaeu_beyond_post_soviet", "true");
		}

		@Test
		void firesEvenWhenMoscowDoesNotPressForMembership() {
			Evaluation evaluation = assertFires("R3.23", "eaeu_beyond_post_soviet", "true",
					"russia_expects_membership", "false");
			assertThat(evaluation.finding("eaeu_drift")).hasValueSatisfying((f) -> assertThat(f.derivations())
				.extracting(Evaluation.Derivation::ruleId).containsExactly("R3.23"));
		}

		@Test
		void doesNotFireWhileTheEaeuStaysPostSoviet() {
			Evaluation evaluation = assertDoesNotFire("R3.23");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.23", "eaeu_beyond_post_soviet", "true");
		}

	}

	@Nested
	@Exercises("R3.24")
	@DisplayName("R3.24 A free-trade zone between Azerbaijan and the EAEU would make membership acceptable to Baku")
	class R3_24 {

		@Test
		void firesWithAFreeTradeZoneBetweenAzerbaijanAndTheEaeu() {
			assertFires("R3.24", "eaeu_free_trade_zone", "true");
		}

		@Test
		void firesEvenWhenMoscowDoesNotPressForMembership() {
			assertFires("R3.24", "eaeu_free_trade_zone", "true", "russia_expects_membership", "false");
		}

		@Test
		void doesNotFireWithoutAFreeTradeZone() {
			Evaluation evaluation = assertDoesNotFire("R3.24");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.24", "eaeu_free_trade_zone", "true");
		}

	}

	@Nested
	@Exercises("R3.25")
	@DisplayName("R3.25 A Turkish customs union with the EAEU would be a game-changer drawing Baku towards it")
	class R3_25 {

		@Test
		void firesWhenTurkeyFormsACustomsUnionWithTheEaeu() {
			assertFires("R3.25", "turkey_eaeu_customs_union", "true");
		}

		@Test
		void firesEvenWhenMoscowDoesNotPressForMembership() {
			assertFires("R3.25", "turkey_eaeu_customs_union", "true", "russia_expects_membership", "false");
		}

		@Test
		void doesNotFireWhileTurkeyStaysOutside() {
			Evaluation evaluation = assertDoesNotFire("R3.25");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.25", "turkey_eaeu_customs_union", "true");
		}

	}

	@Nested
	@Exercises("R3.26")
	@DisplayName("R3.26 Without friends in the CSTO, Armenia's push to stop arms sales to Baku goes unchecked")
	class R3_26 {

		@Test
		void firesWhenArmeniaBlocksCstoArmsSalesAndBakuHasNoFriendsInside() {
			assertFires("R3.26", "ties_belarus_kazakhstan", "weak");
		}

		@Test
		void doesNotFireWhileBelarusAndKazakhstanDefendBaku() {
			Evaluation evaluation = assertDoesNotFire("R3.26");
			assertGone(evaluation, "risk_armenia_uses_csto_against_baku");
		}

		@Test
		void doesNotFireWhenArmeniaDoesNotTryToBlockArmsSales() {
			assertDoesNotFire("R3.26", "ties_belarus_kazakhstan", "weak", "armenia_blocks_csto_arms_sales", "false");
		}

		@Test
		void doesNotFireWhenArmeniaIsOutsideTheCsto() {
			assertDoesNotFire("R3.26", "ties_belarus_kazakhstan", "weak", "armenia_bloc_membership", "neither");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.26", "ties_belarus_kazakhstan", "weak");
		}

	}

	@Nested
	@Exercises("R3.27")
	@DisplayName("R3.27 Ties with Belarus and Kazakhstan protect Baku's interests in the CSTO without joining it")
	class R3_27 {

		@Test
		void firesWhenBelarusAndKazakhstanCounterArmeniaInTheCsto() {
			assertFires("R3.27");
		}

		@Test
		void firesEvenWhenNoOneInBakuPushesForTheBlocs() {
			// The recommendation then rests on this rule alone.
			Evaluation evaluation = assertFires("R3.27", "pro_russia_groups", "weak", "elite_believes_russia_key",
					"false");
			assertThat(evaluation.finding("rec_stay_out_of_russian_blocs"))
				.hasValueSatisfying((f) -> assertThat(f.derivations())
					.extracting(Evaluation.Derivation::ruleId).containsExactly("R3.27"));
		}

		@Test
		void doesNotFireWhenBakuHasNoFriendsInTheCsto() {
			Evaluation evaluation = assertDoesNotFire("R3.27", "ties_belarus_kazakhstan", "weak");
			assertStillHolds(evaluation, "rec_stay_out_of_russian_blocs", "R0.12");
		}

		@Test
		void doesNotFireWhenArmeniaDoesNotTryToBlockArmsSales() {
			assertDoesNotFire("R3.27", "armenia_blocks_csto_arms_sales", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.27");
		}

	}

	@Nested
	@Exercises("R3.28")
	@DisplayName("R3.28 The customs demands of the trilateral format with Russia and Iran could draw Baku towards the EAEU")
	class R3_28 {

		@Test
		void firesWhenTheTrilateralFormatMeetsMoscowsExpectationOfMembership() {
			assertFires("R3.28");
		}

		@Test
		void doesNotFireOutsideTheTrilateralFormat() {
			Evaluation evaluation = assertDoesNotFire("R3.28", "russia_iran_trilateral", "false");
			assertStillHolds(evaluation, "eaeu_drift", "R6.08");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotExpectMembership() {
			assertDoesNotFire("R3.28", "russia_expects_membership", "false");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.28");
		}

	}

	@Nested
	@Exercises("R3.29")
	@DisplayName("R3.29 Russia's aim in the trilateral format with Iran is an axis that shuts the West out of the region")
	class R3_29 {

		@Test
		void firesWhileAzerbaijanIsInTheTrilateralFormatWithRussiaAndIran() {
			assertFires("R3.29");
		}

		@Test
		void doesNotFireOutsideTheTrilateralFormat() {
			Evaluation evaluation = assertDoesNotFire("R3.29", "russia_iran_trilateral", "false");
			assertGone(evaluation, "risk_axis_excluding_west");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.29");
		}

	}

	@Nested
	@Exercises("R3.30")
	@DisplayName("R3.30 As an alternative to the EAEU, Baku might consider full membership of the SCO")
	class R3_30 {

		@Test
		void firesWhenADialoguePartnerOfTheScoIsPressedTowardsTheEaeu() {
			assertFires("R3.30");
		}

		@Test
		void doesNotFireWhenMoscowDoesNotPressForMembership() {
			Evaluation evaluation = assertDoesNotFire("R3.30", "russia_expects_membership", "false");
			assertStillHolds(evaluation, "rec_consider_sco_membership", "R3.31");
		}

		@Test
		void doesNotFireOnceAzerbaijanIsAFullMember() {
			Evaluation evaluation = assertDoesNotFire("R3.30", "sco_status", "full_member");
			assertGone(evaluation, "rec_consider_sco_membership");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.30");
		}

	}

	@Nested
	@Exercises("R3.31")
	@DisplayName("R3.31 Full SCO membership could bring Chinese financial support that steadies an oil-dependent leadership")
	class R3_31 {

		@Test
		void firesWhenTheLeadershipHangsOnTheOilPrice() {
			assertFires("R3.31");
		}

		@Test
		void doesNotFireWhenReformsLoosenTheOilPricesHold() {
			Evaluation evaluation = assertDoesNotFire("R3.31", "genuine_reforms", "partial");
			assertStillHolds(evaluation, "rec_consider_sco_membership", "R3.30");
		}

		@Test
		void doesNotFireWithoutAnScoRelationship() {
			Evaluation evaluation = assertDoesNotFire("R3.31", "sco_status", "none");
			assertGone(evaluation, "rec_consider_sco_membership");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R3.31");
		}

	}

	// --- Moments and what-ifs of the chapter, across rules --------------------------------------------------

	@Nested
	@DisplayName("Chapter 3 moments and what-ifs")
	class Moments {

		@Test
		void theApril2016WarWithANeutralRussiaLeadsFromARealityCheckToPressureForMembership() {
			// Russia stays neutral; the elite hopes for a Russian guarantee; that would deepen dependence, which
			// Moscow could use to compel membership, while it rearms Armenia to repair its image.
			Evaluation evaluation = evaluate("karabakh_fighting", "brief_flareup", "russia_stance_on_escalation",
					"neutral");
			assertThat(evaluation.holds("russia_image_damaged_regionally")).isTrue();
			assertThat(evaluation.holds("elite_hopes_russian_guarantee")).isTrue();
			assertThat(evaluation.holds("risk_russia_rearms_armenia")).isTrue();
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R3.18");
		}

		@Test
		void theMedvedevYearsSawRussiasRoleWelcomedWithoutTheLaterDisappointment() {
			// 2008: presidential format, no EAEU on offer, before Crimea and the big arms deals, Armenia in the
			// CSTO only. Baku looks to Moscow, and only Russia's ties to Armenia tell against the hope.
			Evaluation evaluation = evaluate("russia_karabakh_mediation", "presidential_trilateral",
					"russia_expects_membership", "false", "russia_ukraine_aggression", "false",
					"russian_arms_purchases", "modest", "armenia_bloc_membership", "csto_only");
			assertStillHolds(evaluation, "baku_looks_to_russia", "R3.03");
			assertThat(evaluation.finding("disputed_russia_can_press_armenia"))
				.hasValueSatisfying((f) -> assertThat(f.derivations()).extracting(Evaluation.Derivation::ruleId)
					.containsExactly("R3.10"));
		}

		@Test
		void aRussiaBrokeredSettlementWithRussianPeacekeepersDeepensDependenceAndRisksABase() {
			Evaluation evaluation = evaluate("russia_brokered_settlement", "true", "russian_peacekeepers",
					"deployed");
			assertStillHolds(evaluation, "risk_deeper_dependence_on_russia", "R3.17");
			assertThat(evaluation.holds("risk_russian_military_base")).isTrue();
			assertStillHolds(evaluation, "risk_russian_bloc_membership", "R3.18");
		}

		@Test
		void turkeyJoiningAnEaeuCustomsUnionDrawsBakuTowardsTheEaeuEvenUnpressed() {
			Evaluation evaluation = evaluate("turkey_eaeu_customs_union", "true", "russia_expects_membership",
					"false");
			assertStillHolds(evaluation, "eaeu_drift", "R3.25");
			assertStillHolds(evaluation, "risk_eaeu_geopolitical_project", "R3.22");
		}

		@Test
		void thePackNeverRecommendsAcceptingRussianPeacekeepers() {
			assertThat(RuleHarness.ruleBase().pack().descriptor().neverRecommended())
				.filteredOn((n) -> n.id().equals("accept_russian_peacekeepers"))
				.singleElement()
				.satisfies((n) -> assertThat(n.related()).containsExactly("risk_russian_military_base"));
			assertThat(RuleHarness.ruleBase().pack().conclusion("accept_russian_peacekeepers")).isEmpty();
		}

	}

}
