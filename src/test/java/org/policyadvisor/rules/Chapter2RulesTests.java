package org.policyadvisor.rules;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotFire;
import static org.policyadvisor.rules.RuleHarness.assertFires;
import static org.policyadvisor.rules.RuleHarness.assertStrengthWithinRule;
import static org.policyadvisor.rules.RuleHarness.assertStillHolds;
import static org.policyadvisor.rules.RuleHarness.assertDoesNotHold;

/**
 * One nested class per rule encoding Chapter 2 of the paper ("Balancing Russia and the West") and the claims of the
 * Introduction that the first pack left out. Most tests start from the early-2019 defaults; the historical rules
 * start from the moments the chapter describes (1992–93, 1997–2003, after the 2008 war, 2014–15), written out below
 * as overrides so that each test shows the situation it assumes. Where a conclusion has other derivations, the
 * doesNotFire tests check that it still holds through them, so that they pin down the rule named.
 */
@DisplayName("Rules of Chapter 2, Balancing Russia and the West (and the Introduction)")
class Chapter2RulesTests {

	/** 1992–93: Elchibey's nationalists, at war, having refused the CIS and Russian bases, with no help coming. */
	private static final String[] ELCHIBEY_1993 = { "ruling_group", "popular_front_nationalists",
			"russia_backs_armenia_in_war", "true", "karabakh_war_losses", "true", "cis_and_bases_rejected", "true",
			"western_security_credibility", "low", "russian_power_projection", "low" };

	/** 1997–2003: Heydar Aliyev's regional power-sharing, US-backed energy projects, a weak Russia. */
	private static final String[] HEYDAR_ALIYEV_2000 = { "ruling_group", "aliyev_regional_balance",
			"western_engagement", "high", "western_security_credibility", "medium", "russian_power_projection", "low",
			"western_democracy_criticism", "low", "old_guard_influence", "high" };

	/** After the August 2008 war: the US still engaged, but Western guarantees no longer believed. */
	private static final String[] AFTER_2008_WAR = { "ruling_group", "aliyev_regional_balance", "western_engagement",
			"medium", "western_security_credibility", "low", "russian_power_projection", "high",
			"western_democracy_criticism", "low", "old_guard_influence", "high" };

	/** 2014–15: sharp Western criticism of Baku's democratic record, after Crimea, before the 2016 constitution. */
	private static final String[] CRACKDOWN_2014 = { "ruling_group", "aliyev_regional_balance", "western_engagement",
			"low", "western_security_credibility", "low", "russian_power_projection", "high",
			"western_democracy_criticism", "high", "old_guard_influence", "high" };

	/** A historical moment with some of its conditions changed; a changed condition replaces the moment's value. */
	private static String[] with(String[] moment, String... changes) {
		String[] merged = moment.clone();
		for (int i = 0; i < changes.length; i += 2) {
			boolean replaced = false;
			for (int j = 0; j < merged.length; j += 2) {
				if (merged[j].equals(changes[i])) {
					merged[j + 1] = changes[i + 1];
					replaced = true;
				}
			}
			if (!replaced) {
				merged = Stream.concat(Arrays.stream(merged), Stream.of(changes[i], changes[i + 1]))
					.toArray(String[]::new);
			}
		}
		return merged;
	}

	// --- The early post-independence years (1991–93) ----------------------------------------------------------

	@Nested
	@Exercises("R2.01")
	@DisplayName("R2.01 A political elite of former Soviet cadres aligns Baku with Russia")
	class R2_01 {

		@Test
		void firesUnderMutalibovsSovietCadres() {
			assertFires("R2.01", "ruling_group", "soviet_cadres");
		}

		@Test
		void firesEvenWhenTheEliteDoesNotThinkOnlyRussiaCanSettleKarabakh() {
			// Alignment follows from who the elite are, not only from the belief R6.02 reads.
			assertFires("R2.01", "ruling_group", "soviet_cadres", "elite_believes_russia_key", "false");
		}

		@Test
		void doesNotFireUnderTheNationalists() {
			// Without the belief (R6.02) or a tempting military option (R6.04), nothing else makes Baku accommodating.
			Evaluation evaluation = assertDoesNotFire("R2.01", "ruling_group", "popular_front_nationalists",
					"elite_believes_russia_key", "false", "russia_armenia_relations", "close");
			assertDoesNotHold(evaluation, "readiness_to_accommodate_russia");
		}

		@Test
		void doesNotFireUnderTheAliyevsThoughTheBeliefInRussiaStillMakesBakuAccommodating() {
			Evaluation evaluation = assertDoesNotFire("R2.01");
			assertStillHolds(evaluation, "readiness_to_accommodate_russia", "R6.02");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.01", "ruling_group", "soviet_cadres");
		}

	}

	@Nested
	@Exercises("R2.02")
	@DisplayName("R2.02 A nationalist government turns by design to Turkey and the West")
	class R2_02 {

		@Test
		void firesUnderElchibeysPopularFront() {
			assertFires("R2.02", "ruling_group", "popular_front_nationalists");
		}

		@Test
		void doesNotFireUnderTheAliyevs() {
			Evaluation evaluation = assertDoesNotFire("R2.02");
			assertDoesNotHold(evaluation, "reliance_on_turkey_and_west");
		}

		@Test
		void doesNotFireUnderSovietCadresThoughARussianBackedWarStillPushesBakuWest() {
			Evaluation evaluation = assertDoesNotFire("R2.02", "ruling_group", "soviet_cadres",
					"russia_backs_armenia_in_war", "true");
			assertStillHolds(evaluation, "reliance_on_turkey_and_west", "R2.03");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.02", "ruling_group", "popular_front_nationalists");
		}

	}

	@Nested
	@Exercises("R2.03")
	@DisplayName("R2.03 Russian support for Armenia in the war pushes Baku by default towards Turkey and the West")
	class R2_03 {

		@Test
		void firesWhenRussiaBacksArmeniaInWar() {
			assertFires("R2.03", "russia_backs_armenia_in_war", "true");
		}

		@Test
		void firesInElchibeysWar() {
			assertFires("R2.03", ELCHIBEY_1993);
		}

		@Test
		void doesNotFireWithoutAWarInWhichRussiaBacksArmenia() {
			Evaluation evaluation = assertDoesNotFire("R2.03");
			assertDoesNotHold(evaluation, "reliance_on_turkey_and_west");
		}

		@Test
		void doesNotFireWhenRussiaStaysOutThoughTheNationalistsStillTurnWestByDesign() {
			Evaluation evaluation = assertDoesNotFire("R2.03", with(ELCHIBEY_1993, "russia_backs_armenia_in_war", "false"));
			assertStillHolds(evaluation, "reliance_on_turkey_and_west", "R2.02");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.03", "russia_backs_armenia_in_war", "true");
		}

	}

	@Nested
	@Exercises("R2.04")
	@DisplayName("R2.04 Refusing to ratify CIS membership and removing Russian bases makes Russia hostile")
	class R2_04 {

		@Test
		void firesWhenBakuRefusesTheCisAndRussianBases() {
			assertFires("R2.04", "cis_and_bases_rejected", "true");
		}

		@Test
		void doesNotFireOnceBakuHasRatifiedCisMembership() {
			Evaluation evaluation = assertDoesNotFire("R2.04", with(ELCHIBEY_1993, "cis_and_bases_rejected", "false"));
			assertDoesNotHold(evaluation, "russia_hostile_to_baku");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.04", "cis_and_bases_rejected", "true");
		}

	}

	@Nested
	@Exercises("R2.05")
	@DisplayName("R2.05 Failing to win Russian neutrality amid combat losses leads Baku to purge Russia sympathisers")
	class R2_05 {

		@Test
		void firesWhenRussiaIsHostileAndTheWarGoesBadly() {
			assertFires("R2.05", "cis_and_bases_rejected", "true", "karabakh_war_losses", "true");
		}

		@Test
		void doesNotFireWithoutCombatLosses() {
			Evaluation evaluation = assertDoesNotFire("R2.05", with(ELCHIBEY_1993, "karabakh_war_losses", "false"));
			assertDoesNotHold(evaluation, "russia_sympathisers_purged");
		}

		@Test
		void doesNotFireWhenRussiaIsNotHostile() {
			assertDoesNotFire("R2.05", with(ELCHIBEY_1993, "cis_and_bases_rejected", "false"));
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.05", ELCHIBEY_1993);
		}

	}

	@Nested
	@Exercises("R2.06")
	@DisplayName("R2.06 Breaking with Moscow while expected Turkish and Western support fails to come brings the government down")
	class R2_06 {

		@Test
		void firesForElchibeysGovernmentIn1993() {
			assertFires("R2.06", ELCHIBEY_1993);
		}

		@Test
		void doesNotFireWhenTurkeyAndTheWestDeliverTheSupportExpected() {
			Evaluation evaluation = assertDoesNotFire("R2.06",
					with(ELCHIBEY_1993, "western_security_credibility", "medium"));
			assertDoesNotHold(evaluation, "risk_government_collapse");
		}

		@Test
		void doesNotFireWithoutAPurgeOfRussiaSympathisers() {
			assertDoesNotFire("R2.06", with(ELCHIBEY_1993, "karabakh_war_losses", "false"));
		}

		@Test
		void doesNotFireWhenTheGovernmentHasNotStakedItsFateOnTurkeyAndTheWest() {
			// The purge happens (Russia hostile, losses), but under Soviet cadres and with no Russian-backed war.
			assertDoesNotFire("R2.06", with(ELCHIBEY_1993, "ruling_group", "soviet_cadres",
					"russia_backs_armenia_in_war", "false"));
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.06", ELCHIBEY_1993);
		}

	}

	// --- Heydar Aliyev's presidency (1993–2003) ----------------------------------------------------------------

	@Nested
	@Exercises("R2.07")
	@DisplayName("R2.07 With the president in control, US-backed energy projects draw Baku closer to the West")
	class R2_07 {

		@Test
		void firesUnderHeydarAliyev() {
			assertFires("R2.07", HEYDAR_ALIYEV_2000);
		}

		@Test
		void firesWhenTheUsIsOnlyModeratelyEngaged() {
			assertFires("R2.07", "ruling_group", "aliyev_regional_balance", "western_engagement", "medium");
		}

		@Test
		void doesNotFireWithoutUsPoliticalSupport() {
			Evaluation evaluation = assertDoesNotFire("R2.07", "ruling_group", "aliyev_regional_balance");
			assertDoesNotHold(evaluation, "pro_western_balancing");
		}

		@Test
		void doesNotFireWithoutWesternEnergyProjects() {
			Evaluation evaluation = assertDoesNotFire("R2.07", "ruling_group", "aliyev_regional_balance",
					"western_engagement", "medium", "western_energy_projects", "false");
			assertDoesNotHold(evaluation, "pro_western_balancing");
		}

		@Test
		void doesNotFireOncePowerIsConcentratedInTheInnerCircle() {
			assertDoesNotFire("R2.07", "western_engagement", "high");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.07", HEYDAR_ALIYEV_2000);
		}

	}

	@Nested
	@Exercises("R2.08")
	@DisplayName("R2.08 US and Turkish diplomacy let Baku keep Russia from sole mediation and its own peacekeeping force")
	class R2_08 {

		@Test
		void firesUnderHeydarAliyev() {
			assertFires("R2.08", HEYDAR_ALIYEV_2000);
		}

		@Test
		void firesOnSecurityBackingAloneWithoutUsEngagementInEnergy() {
			Evaluation evaluation = assertFires("R2.08", "ruling_group", "aliyev_regional_balance",
					"western_security_credibility", "high");
			assertThat(evaluation.firedRules()).as("R2.07 needs US engagement").doesNotContain("R2.07");
		}

		@Test
		void doesNotFireWhenBakuCannotCountOnWesternAndTurkishBacking() {
			Evaluation evaluation = assertDoesNotFire("R2.08",
					with(HEYDAR_ALIYEV_2000, "western_security_credibility", "low"));
			// The energy projects and a weak Russia still keep the balance pro-Western.
			assertStillHolds(evaluation, "pro_western_balancing", "R2.07");
			assertStillHolds(evaluation, "pro_western_balancing", "R2.10");
		}

		@Test
		void doesNotFireOncePowerIsConcentratedInTheInnerCircle() {
			assertDoesNotFire("R2.08", "western_security_credibility", "high");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.08", HEYDAR_ALIYEV_2000);
		}

	}

	@Nested
	@Exercises("R2.09")
	@DisplayName("R2.09 Sharing posts among regional networks gives the president control and keeps pro-Russian cadres from steering foreign policy")
	class R2_09 {

		@Test
		void firesUnderRegionalPowerSharing() {
			assertFires("R2.09", "ruling_group", "aliyev_regional_balance");
		}

		@Test
		void doesNotFireOncePowerIsConcentratedInTheInnerCircle() {
			Evaluation evaluation = assertDoesNotFire("R2.09");
			assertDoesNotHold(evaluation, "presidential_control_of_foreign_policy");
		}

		@Test
		void doesNotFireUnderTheNationalists() {
			assertDoesNotFire("R2.09", "ruling_group", "popular_front_nationalists");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.09", "ruling_group", "aliyev_regional_balance");
		}

	}

	@Nested
	@Exercises("R2.10")
	@DisplayName("R2.10 While Russia's reach is limited, modest compromises with Moscow suffice to keep the balance")
	class R2_10 {

		@Test
		void firesWhenRussiasReachIsLimited() {
			assertFires("R2.10", "ruling_group", "aliyev_regional_balance", "russian_power_projection", "low");
		}

		@Test
		void doesNotFireOnceRussiaProjectsPower() {
			Evaluation evaluation = assertDoesNotFire("R2.10",
					with(HEYDAR_ALIYEV_2000, "russian_power_projection", "medium"));
			assertStillHolds(evaluation, "pro_western_balancing", "R2.07");
		}

		@Test
		void doesNotFireWithoutPresidentialControl() {
			assertDoesNotFire("R2.10", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.10", HEYDAR_ALIYEV_2000);
		}

	}

	// --- Ilham Aliyev's presidency (2003 to date): Westernisation, 2008 and ties with Russia ------------------

	@Nested
	@Exercises("R2.11")
	@DisplayName("R2.11 Under the Aliyevs, Westernisation built on energy stays limited to economic matters")
	class R2_11 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.11");
		}

		@Test
		void firesUnderHeydarAliyev() {
			assertFires("R2.11", HEYDAR_ALIYEV_2000);
		}

		@Test
		void doesNotFireWithoutWesternEnergyProjects() {
			Evaluation evaluation = assertDoesNotFire("R2.11", "western_energy_projects", "false");
			assertDoesNotHold(evaluation, "economic_only_westernisation");
		}

		@Test
		void doesNotFireUnderTheNationalists() {
			assertDoesNotFire("R2.11", "ruling_group", "popular_front_nationalists");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.11");
		}

	}

	@Nested
	@Exercises("R2.12")
	@DisplayName("R2.12 A more assertive Russia and a West unable to counter it fragment the pro-Western balance")
	class R2_12 {

		@Test
		void firesAfterThe2008War() {
			Evaluation evaluation = assertFires("R2.12", AFTER_2008_WAR);
			// With the US still moderately engaged, R0.01 does not see the balance eroding; this rule does.
			assertThat(evaluation.firedRules()).as("R0.01 needs a disengaged West").doesNotContain("R0.01");
		}

		@Test
		void doesNotFireWhileWesternSecurityBackingIsCredible() {
			Evaluation evaluation = assertDoesNotFire("R2.12",
					with(AFTER_2008_WAR, "western_security_credibility", "medium"));
			assertDoesNotHold(evaluation, "balance_eroding");
		}

		@Test
		void doesNotFireWhileRussiasReachIsLimited() {
			Evaluation evaluation = assertDoesNotFire("R2.12", with(AFTER_2008_WAR, "russian_power_projection", "low"));
			assertDoesNotHold(evaluation, "balance_eroding");
		}

		@Test
		void doesNotFireInEarly2019ThoughTheBalanceStillErodesThroughWesternDisengagement() {
			Evaluation evaluation = assertDoesNotFire("R2.12");
			assertStillHolds(evaluation, "balance_eroding", "R0.01");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.12", AFTER_2008_WAR);
		}

	}

	@Nested
	@Exercises("R2.13")
	@DisplayName("R2.13 Doubting Western security guarantees, Baku seeks deeper ties with an assertive Russia")
	class R2_13 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.13");
		}

		@Test
		void firesAfterThe2008War() {
			assertFires("R2.13", AFTER_2008_WAR);
		}

		@Test
		void doesNotFireWhileBakuBelievesInWesternBacking() {
			Evaluation evaluation = assertDoesNotFire("R2.13", "western_security_credibility", "medium");
			assertDoesNotHold(evaluation, "deepening_ties_with_russia");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R2.13", "russian_power_projection", "low");
		}

		@Test
		void doesNotFireWhenTheWestIsFullyEngaged() {
			assertDoesNotFire("R2.13", "western_engagement", "high");
		}

		@Test
		void doesNotFireUnderTheNationalists() {
			assertDoesNotFire("R2.13", "ruling_group", "popular_front_nationalists");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.13");
		}

	}

	@Nested
	@Exercises("R2.14")
	@DisplayName("R2.14 Deeper ties with Russia make the old guard the main go-between with Moscow")
	class R2_14 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.14");
		}

		@Test
		void firesAfterThe2008War() {
			assertFires("R2.14", AFTER_2008_WAR);
		}

		@Test
		void doesNotFireWhenTheOldGuardHasLittleInfluence() {
			Evaluation evaluation = assertDoesNotFire("R2.14", "old_guard_influence", "low");
			assertDoesNotHold(evaluation, "old_guard_brokers_russia_ties");
		}

		@Test
		void doesNotFireWithoutDeeperTiesWithRussia() {
			assertDoesNotFire("R2.14", "western_security_credibility", "high");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.14");
		}

	}

	@Nested
	@Exercises("R2.15")
	@DisplayName("R2.15 Moscow might exploit ethnic grievances in border regions, which Baku's economic cooperation seeks to pre-empt")
	class R2_15 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.15");
		}

		@Test
		void doesNotFireWhileBakuBelievesInWesternBacking() {
			Evaluation evaluation = assertDoesNotFire("R2.15", "western_security_credibility", "high");
			assertDoesNotHold(evaluation, "risk_russia_exploits_ethnic_grievances");
		}

		@Test
		void doesNotFireUnderHeydarAliyev() {
			assertDoesNotFire("R2.15", HEYDAR_ALIYEV_2000);
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.15");
		}

	}

	@Nested
	@Exercises("R2.16")
	@DisplayName("R2.16 An old guard brokering ties with Moscow expands Russian cultural and educational programmes")
	class R2_16 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.16");
		}

		@Test
		void firesAfterThe2008WarEvenWhereTheEliteDoesNotFearTheWest() {
			assertFires("R2.16", with(AFTER_2008_WAR, "elite_sees_west_as_regime_change", "false"));
		}

		@Test
		void doesNotFireWhenTheOldGuardHasLittleInfluenceThoughOtherRoutesStillRaiseSoftPower() {
			Evaluation evaluation = assertDoesNotFire("R2.16", "old_guard_influence", "low");
			assertStillHolds(evaluation, "russian_soft_power_rising", "R2.17");
			assertStillHolds(evaluation, "russian_soft_power_rising", "R0.03");
		}

		@Test
		void doesNotFireWithoutDeeperTiesWithRussia() {
			Evaluation evaluation = assertDoesNotFire("R2.16", HEYDAR_ALIYEV_2000);
			assertDoesNotHold(evaluation, "russian_soft_power_rising");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.16");
		}

	}

	@Nested
	@Exercises("R2.17")
	@DisplayName("R2.17 Seeing the West, not Russia, as the threat to the regime fosters Russian cultural and educational programmes")
	class R2_17 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.17");
		}

		@Test
		void doesNotFireWhenTheEliteDoesNotSeeTheWestAsAThreatThoughTheOldGuardStillExpandsRussianProgrammes() {
			Evaluation evaluation = assertDoesNotFire("R2.17", "elite_sees_west_as_regime_change", "false");
			assertStillHolds(evaluation, "russian_soft_power_rising", "R2.16");
		}

		@Test
		void doesNotFireWithoutDeeperTiesWithRussia() {
			Evaluation evaluation = assertDoesNotFire("R2.17", "western_security_credibility", "medium",
					"western_engagement", "medium");
			assertDoesNotHold(evaluation, "russian_soft_power_rising");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.17");
		}

	}

	// --- Ilham Aliyev's presidency: the anti-Western turn from 2013 -------------------------------------------

	@Nested
	@Exercises("R2.18")
	@DisplayName("R2.18 Western criticism of Baku's democratic record, with its security expectations unmet, sours relations with the West")
	class R2_18 {

		@Test
		void firesIn2014() {
			assertFires("R2.18", CRACKDOWN_2014);
		}

		@Test
		void firesUnderTheInnerCircleIfCriticismSharpensAgain() {
			assertFires("R2.18", "western_democracy_criticism", "high");
		}

		@Test
		void doesNotFireInEarly2019WhenEuCriticismHasSoftened() {
			Evaluation evaluation = assertDoesNotFire("R2.18");
			assertDoesNotHold(evaluation, "anti_western_turn");
		}

		@Test
		void doesNotFireWhileBakuStillBelievesInWesternSecurityBacking() {
			assertDoesNotFire("R2.18", with(CRACKDOWN_2014, "western_security_credibility", "medium"));
		}

		@Test
		void doesNotFireWithoutAnEnergyPartnershipWithTheWest() {
			assertDoesNotFire("R2.18", with(CRACKDOWN_2014, "western_energy_projects", "false"));
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.18", CRACKDOWN_2014);
		}

	}

	@Nested
	@Exercises("R2.19")
	@DisplayName("R2.19 Old guard anti-Western ideas create the impression of a powerful pro-Russian camp")
	class R2_19 {

		@Test
		void firesIn2014() {
			assertFires("R2.19", CRACKDOWN_2014);
		}

		@Test
		void doesNotFireWhenTheOldGuardHasLittleInfluence() {
			Evaluation evaluation = assertDoesNotFire("R2.19", with(CRACKDOWN_2014, "old_guard_influence", "low"));
			assertDoesNotHold(evaluation, "pro_russian_camp_impression");
		}

		@Test
		void doesNotFireWithoutAnAntiWesternTurn() {
			assertDoesNotFire("R2.19");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.19", CRACKDOWN_2014);
		}

	}

	@Nested
	@Exercises("R2.20")
	@DisplayName("R2.20 Anti-Western rhetoric also shows Moscow that Baku will not follow Ukraine's path")
	class R2_20 {

		@Test
		void firesIn2014() {
			assertFires("R2.20", CRACKDOWN_2014);
		}

		@Test
		void firesWhenTheBalanceHoldsButCriticismTurnsBakuAgainstTheWest() {
			// The West moderately engaged and no pro-Western balance left to fragment: the balance is not eroding
			// (R0.01, R2.12), so only this rule pacifies Russia.
			Evaluation evaluation = assertFires("R2.20",
					with(CRACKDOWN_2014, "western_engagement", "medium", "ruling_group", "aliyev_inner_circle"));
			assertThat(evaluation.firedRules()).doesNotContain("R0.02");
		}

		@Test
		void doesNotFireWhenRussiaCouldNotIntervene() {
			Evaluation evaluation = assertDoesNotFire("R2.20", with(CRACKDOWN_2014, "russian_power_projection", "low"));
			assertDoesNotHold(evaluation, "pacifying_russia");
		}

		@Test
		void doesNotFireWithoutAnAntiWesternTurnThoughBakuStillPacifiesRussia() {
			Evaluation evaluation = assertDoesNotFire("R2.20");
			assertStillHolds(evaluation, "pacifying_russia", "R0.02");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.20", CRACKDOWN_2014);
		}

	}

	@Nested
	@Exercises("R2.21")
	@DisplayName("R2.21 Fear of a Western-backed revolution leads to a crackdown on NGOs, civil society and Western democracy institutions")
	class R2_21 {

		@Test
		void firesIn2014() {
			assertFires("R2.21", CRACKDOWN_2014);
		}

		@Test
		void doesNotFireWhenTheEliteDoesNotFearAWesternBackedRevolution() {
			Evaluation evaluation = assertDoesNotFire("R2.21",
					with(CRACKDOWN_2014, "elite_sees_west_as_regime_change", "false"));
			assertDoesNotHold(evaluation, "risk_civil_society_crackdown");
		}

		@Test
		void doesNotFireWithoutAnAntiWesternTurn() {
			assertDoesNotFire("R2.21");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.21", CRACKDOWN_2014);
		}

	}

	@Nested
	@Exercises("R2.22")
	@DisplayName("R2.22 The anti-Western turn reflects frustration with the West, not a pro-Russia camp gaining strength")
	class R2_22 {

		@Test
		void firesWhenTheTurnIsReadAsAProRussianTakeover() {
			Evaluation evaluation = assertFires("R2.22", CRACKDOWN_2014);
			assertThat(evaluation.holds("disputed_pro_russia_camp_behind_turn")).isTrue();
		}

		@Test
		void doesNotFireWhenTheTurnIsNotReadThatWay() {
			Evaluation evaluation = assertDoesNotFire("R2.22",
					with(CRACKDOWN_2014, "observers_see_pro_russia_realignment", "false"));
			assertDoesNotHold(evaluation, "disputed_pro_russia_camp_behind_turn");
		}

		@Test
		void doesNotFireWithoutTheImpressionOfAProRussianCamp() {
			assertDoesNotFire("R2.22", with(CRACKDOWN_2014, "old_guard_influence", "low"));
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.22", CRACKDOWN_2014);
		}

	}

	// --- Ilham Aliyev's presidency: the 2016 constitutional change ---------------------------------------------

	@Nested
	@Exercises("R2.23")
	@DisplayName("R2.23 Concentrating power in the vice-president's inner circle sidelines the old guard")
	class R2_23 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.23");
		}

		@Test
		void doesNotFireUnderRegionalPowerSharing() {
			Evaluation evaluation = assertDoesNotFire("R2.23", "ruling_group", "aliyev_regional_balance");
			assertDoesNotHold(evaluation, "old_guard_sidelined");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.23");
		}

	}

	@Nested
	@Exercises("R2.24")
	@DisplayName("R2.24 Sidelining the old guard puts the elite balance in question")
	class R2_24 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.24");
		}

		@Test
		void doesNotFireUnderRegionalPowerSharing() {
			Evaluation evaluation = assertDoesNotFire("R2.24", "ruling_group", "aliyev_regional_balance");
			assertDoesNotHold(evaluation, "risk_elite_balance_lost");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.24");
		}

	}

	@Nested
	@Exercises("R2.25")
	@DisplayName("R2.25 Sidelining the old guard leaves it unclear who will manage the deepening ties with Russia")
	class R2_25 {

		@Test
		void firesInEarly2019() {
			assertFires("R2.25");
		}

		@Test
		void doesNotFireUnderRegionalPowerSharing() {
			Evaluation evaluation = assertDoesNotFire("R2.25", "ruling_group", "aliyev_regional_balance");
			assertDoesNotHold(evaluation, "risk_russia_channel_uncertain");
		}

		@Test
		void doesNotFireWithoutDeeperTiesWithRussia() {
			assertDoesNotFire("R2.25", "western_security_credibility", "medium");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R2.25");
		}

	}

	// --- §1 Introduction --------------------------------------------------------------------------------------

	@Nested
	@Exercises("R1.04")
	@DisplayName("R1.04 Whether Baku's rapprochement with Moscow is a realignment or a tactic to pacify Russia cannot yet be told")
	class R1_04 {

		@Test
		void firesWhenPacifyingRussiaIsReadAsARealignment() {
			Evaluation evaluation = assertFires("R1.04");
			assertThat(evaluation.holds("disputed_fundamental_realignment")).isTrue();
		}

		@Test
		void doesNotFireWhenTheRapprochementIsNotReadAsARealignment() {
			Evaluation evaluation = assertDoesNotFire("R1.04", "observers_see_pro_russia_realignment", "false");
			assertDoesNotHold(evaluation, "disputed_fundamental_realignment");
		}

		@Test
		void doesNotFireWhenBakuIsNotPacifyingRussia() {
			assertDoesNotFire("R1.04", "western_engagement", "high");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R1.04");
		}

	}

	@Nested
	@Exercises("R1.05")
	@DisplayName("R1.05 US disengagement lets Moscow treat the South Caucasus as its sphere of influence")
	class R1_05 {

		@Test
		void firesInEarly2019() {
			assertFires("R1.05");
		}

		@Test
		void firesWhenRussiaIsOnlyModeratelyAssertive() {
			assertFires("R1.05", "russian_power_projection", "medium");
		}

		@Test
		void doesNotFireWhenTheUsStaysEngaged() {
			Evaluation evaluation = assertDoesNotFire("R1.05", "western_engagement", "medium");
			assertDoesNotHold(evaluation, "risk_russia_sphere_of_influence");
		}

		@Test
		void doesNotFireWhenRussiaDoesNotProjectPower() {
			assertDoesNotFire("R1.05", "russian_power_projection", "low");
		}

		@Test
		void derivationIsNoStrongerThanTheRule() {
			assertStrengthWithinRule("R1.05");
		}

	}

}
