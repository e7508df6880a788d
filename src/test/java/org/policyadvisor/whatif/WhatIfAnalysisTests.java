package org.policyadvisor.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;
import org.policyadvisor.engine.UnsettledEvaluationException;
import org.policyadvisor.whatif.WhatIf.Change;
import org.policyadvisor.whatif.WhatIf.Outlook;
import org.policyadvisor.whatif.WhatIf.Suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The analysis checked against the engine itself: every change it reports is applied and evaluated again with
 * {@link RuleBase#evaluate}, and for some conclusions every change it could have reported is tried independently.
 */
class WhatIfAnalysisTests {

	private static final RuleBase RULES = TestPacks.shipped();

	private static final RulePack PACK = RULES.pack();

	private static final WhatIfAnalysis ANALYSIS = new WhatIfAnalysis(RULES);

	/** Analyses are the slow part: each is made once per test JVM. */
	private static final Map<String, WhatIf> ANALYSED = new HashMap<>();

	private static final String DEFAULTS = "early-2019 defaults";

	static Stream<String> situations() {
		return Stream.of(DEFAULTS, "what-if-oil-price-collapse", "2008-after-russia-georgia-war",
				"what-if-west-reengages-nuanced");
	}

	private static Map<String, String> conditions(String situation) {
		return DEFAULTS.equals(situation) ? PACK.defaults()
				: PACK.conditionsOf(PACK.scenario(situation).orElseThrow());
	}

	private static synchronized WhatIf analysed(String situation) {
		return ANALYSED.computeIfAbsent(situation, (s) -> ANALYSIS.analyse(conditions(s)));
	}

	private static Map<String, String> applied(Map<String, String> conditions, List<Change> changes) {
		Map<String, String> changed = new LinkedHashMap<>(conditions);
		for (Change c : changes) {
			assertThat(changed.get(c.condition())).as("a change starts from the current value").isEqualTo(c.from());
			assertThat(c.to()).isNotEqualTo(c.from());
			changed.put(c.condition(), c.to());
		}
		return changed;
	}

	private static boolean holdsAfter(Map<String, String> conditions, List<Change> changes, String conclusionId) {
		return RULES.evaluate(applied(conditions, changes)).holds(conclusionId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("situations")
	void coversEveryRiskAndRecommendationAndKnowsWhichHoldNow(String situation) {
		WhatIf whatIf = analysed(situation);
		var evaluation = RULES.evaluate(conditions(situation));
		List<String> expected = PACK.conclusions().stream()
			.filter((c) -> c.kind() == ConclusionKind.RISK || c.kind() == ConclusionKind.RECOMMENDATION)
			.map((c) -> c.id())
			.toList();
		assertThat(whatIf.outlooks()).extracting((o) -> o.conclusion().id()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(whatIf.risks()).allMatch((o) -> o.conclusion().kind() == ConclusionKind.RISK);
		assertThat(whatIf.recommendations()).allMatch((o) -> o.conclusion().kind() == ConclusionKind.RECOMMENDATION);
		for (Outlook o : whatIf.outlooks()) {
			assertThat(o.holdsNow()).as(o.conclusion().id()).isEqualTo(evaluation.holds(o.conclusion().id()));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("situations")
	void everySingleChangeReportedFlipsItsConclusion(String situation) {
		WhatIf whatIf = analysed(situation);
		Map<String, String> conditions = conditions(situation);
		int checked = 0;
		for (Outlook o : whatIf.outlooks()) {
			if (o.changesNeeded() != 1) {
				continue;
			}
			assertThat(o.suggestions()).as(o.conclusion().id()).isNotEmpty().hasSize(o.found());
			for (Suggestion s : o.suggestions()) {
				assertThat(s.changes()).hasSize(1);
				assertThat(holdsAfter(conditions, s.changes(), o.conclusion().id()))
					.as("%s after %s", o.conclusion().id(), s.changes())
					.isNotEqualTo(o.holdsNow());
				checked++;
			}
		}
		assertThat(checked).as("single changes checked").isPositive();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("situations")
	void everyPairReportedFlipsItsConclusionWhileNeitherHalfAloneDoes(String situation) {
		WhatIf whatIf = analysed(situation);
		Map<String, String> conditions = conditions(situation);
		for (Outlook o : whatIf.outlooks()) {
			if (o.changesNeeded() != 2) {
				continue;
			}
			assertThat(o.suggestions()).as(o.conclusion().id()).isNotEmpty()
				.hasSizeLessThanOrEqualTo(WhatIf.PAIRS_LISTED)
				.hasSize(Math.min(o.found(), WhatIf.PAIRS_LISTED));
			for (Suggestion s : o.suggestions()) {
				assertThat(s.changes()).hasSize(2);
				assertThat(s.changes().get(0).condition()).isNotEqualTo(s.changes().get(1).condition());
				String id = o.conclusion().id();
				assertThat(holdsAfter(conditions, s.changes(), id)).as("%s after %s", id, s.changes())
					.isNotEqualTo(o.holdsNow());
				assertThat(holdsAfter(conditions, List.of(s.changes().get(0)), id)).as("%s after the first half", id)
					.isEqualTo(o.holdsNow());
				assertThat(holdsAfter(conditions, List.of(s.changes().get(1)), id)).as("%s after the second half", id)
					.isEqualTo(o.holdsNow());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("situations")
	void aConclusionWithoutSuggestionsHasNoSingleChangeThatFlipsIt(String situation) {
		WhatIf whatIf = analysed(situation);
		Map<String, String> conditions = conditions(situation);
		for (Outlook o : whatIf.outlooks()) {
			if (o.changesNeeded() == 1) {
				continue;
			}
			assertThat(o.suggestions().isEmpty()).isEqualTo(o.changesNeeded() == 0);
			assertThat(singleChangesFlipping(conditions, o.conclusion().id())).as(o.conclusion().id()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("situations")
	void countsEveryEvaluationOnce(String situation) {
		WhatIf.Figures f = analysed(situation).figures();
		int singles = PACK.conditions().stream().mapToInt((c) -> c.values().size() - 1).sum();
		assertThat(f.singleChanges()).isEqualTo(singles);
		assertThat(f.evaluations()).isEqualTo(1 + f.singleChanges() + f.pairs());
		assertThat(f.unsettled()).isZero();
		assertThat(f.millis()).isNotNegative();
	}

	/** Every single change of every condition, tried here without the analysis. */
	private static List<Change> singleChangesFlipping(Map<String, String> conditions, String conclusionId) {
		boolean now = RULES.evaluate(conditions).holds(conclusionId);
		List<Change> flipping = new ArrayList<>();
		for (ConditionDef def : PACK.conditions()) {
			for (String value : def.valueIds()) {
				String from = conditions.get(def.id());
				if (!value.equals(from)) {
					Change change = new Change(def.id(), from, value);
					if (holdsAfter(conditions, List.of(change), conclusionId) != now) {
						flipping.add(change);
					}
				}
			}
		}
		return flipping;
	}

	private static List<Change> singles(Outlook outlook) {
		assertThat(outlook.changesNeeded()).isEqualTo(1);
		return outlook.suggestions().stream().map((s) -> s.changes().get(0)).toList();
	}

	/** Conclusions whose rules, read in the DRL, need one condition changed. */
	@Nested
	class KnownCases {

		@Test
		void economicCollapseNeedsOnlyLowOilPricesIn2019() {
			// R0.08: leadership_oil_price_dependent (high oil dependence, reforms lacking: both 2019 defaults) and a
			// low oil price, which in 2019 is medium.
			Outlook o = analysed(DEFAULTS).outlook("risk_economic_collapse").orElseThrow();
			assertThat(o.holdsNow()).isFalse();
			assertThat(singles(o)).containsExactly(new Change("oil_price", "medium", "low"));
		}

		@Test
		void economicCollapseAfterAnOilPriceCollapseEndsWithAnyOfItsThreeConditions() {
			// R0.08 and R0.07: undoing any one of low oil price, high oil dependence or lacking reforms removes it.
			Outlook o = analysed("what-if-oil-price-collapse").outlook("risk_economic_collapse").orElseThrow();
			assertThat(o.holdsNow()).isTrue();
			assertThat(singles(o)).containsExactlyInAnyOrder(new Change("oil_price", "low", "medium"),
					new Change("oil_price", "low", "high"), new Change("oil_dependence", "high", "medium"),
					new Change("oil_dependence", "high", "low"), new Change("genuine_reforms", "lacking", "partial"),
					new Change("genuine_reforms", "lacking", "genuine"));
		}

		@Test
		void aNuancedWesternLensEndsTheCallForNuancedDiplomacy() {
			// R0.10 needs western_lens one_dimensional, the 2019 default.
			Outlook o = analysed(DEFAULTS).outlook("rec_west_nuanced_diplomacy").orElseThrow();
			assertThat(o.holdsNow()).isTrue();
			assertThat(singles(o)).contains(new Change("western_lens", "one_dimensional", "nuanced"));
		}

		@Test
		void russianSoftPowerIn2019HasSeveralSourcesSoOnlyPairsRemoveIt() {
			// Seven rules conclude risk_russian_soft_power; several of them hold in 2019 (R5.04, R6.24, R6.26 on
			// growing Russian education, others on soft-power effort), so no one change removes it.
			Outlook o = analysed(DEFAULTS).outlook("risk_russian_soft_power").orElseThrow();
			assertThat(o.holdsNow()).isTrue();
			assertThat(o.changesNeeded()).isEqualTo(2);
			assertThat(o.suggestions()).extracting(Suggestion::changes)
				.anySatisfy((pair) -> assertThat(pair).extracting(Change::condition).contains("russian_education_growth"));
		}

	}

	@Nested
	class Completeness {

		@Test
		void theSingleChangesOfAConclusionAreExactlyThoseThatFlipIt() {
			Map<String, String> conditions = conditions("what-if-oil-price-collapse");
			for (String id : List.of("risk_economic_collapse", "rec_genuine_reforms")) {
				Outlook o = analysed("what-if-oil-price-collapse").outlook(id).orElseThrow();
				assertThat(singles(o)).as(id).containsExactlyInAnyOrderElementsOf(singleChangesFlipping(conditions, id));
			}
		}

		/**
		 * Every pair of changes of every two conditions, not only those of the conclusion's cone: this also shows that
		 * leaving the other conditions out of the pair search loses nothing.
		 */
		@Test
		void thePairsOfAConclusionAreExactlyThoseThatFlipIt() {
			Map<String, String> conditions = PACK.defaults();
			String id = "risk_russian_soft_power";
			Outlook o = analysed(DEFAULTS).outlook(id).orElseThrow();
			Set<Set<Change>> flipping = new LinkedHashSet<>();
			List<ConditionDef> defs = PACK.conditions();
			for (int a = 0; a < defs.size(); a++) {
				for (int b = a + 1; b < defs.size(); b++) {
					for (Change first : changesOf(defs.get(a), conditions)) {
						for (Change second : changesOf(defs.get(b), conditions)) {
							Map<String, String> changed = applied(conditions, List.of(first, second));
							if (RULES.conclusions(changed).contains(id) != o.holdsNow()) {
								flipping.add(Set.of(first, second));
							}
						}
					}
				}
			}
			assertThat(flipping).isNotEmpty().hasSize(o.found());
			assertThat(o.suggestions()).allSatisfy((s) -> assertThat(flipping).contains(Set.copyOf(s.changes())));
			assertThat(ANALYSIS.coneOf(id)).hasSize(o.cone())
				.containsAll(flipping.stream().flatMap(Set::stream).map(Change::condition).toList());
		}

		private static List<Change> changesOf(ConditionDef def, Map<String, String> conditions) {
			String from = conditions.get(def.id());
			return def.valueIds().stream().filter((v) -> !v.equals(from)).map((v) -> new Change(def.id(), from, v))
				.toList();
		}

	}

	@Nested
	class Ranking {

		@Test
		void eachConditionsBestChangeMovesWhatTheEngineSays() {
			WhatIf whatIf = analysed("what-if-oil-price-collapse");
			Map<String, String> conditions = conditions("what-if-oil-price-collapse");
			Set<String> now = RULES.conclusions(conditions);
			assertThat(whatIf.ranking()).extracting(WhatIf.Leverage::condition)
				.containsExactlyInAnyOrderElementsOf(PACK.conditions().stream().map(ConditionDef::id).toList());
			for (WhatIf.Leverage l : whatIf.ranking().subList(0, 5)) {
				for (WhatIf.Option option : l.options()) {
					Set<String> after = RULES.conclusions(
							applied(conditions, List.of(new Change(l.condition(), l.current(), option.value()))));
					List<String> moved = PACK.conclusions().stream()
						.filter((c) -> c.kind() == ConclusionKind.RISK || c.kind() == ConclusionKind.RECOMMENDATION)
						.map((c) -> c.id())
						.filter((c) -> after.contains(c) != now.contains(c))
						.toList();
					List<String> effects = PACK.conclusions().stream()
						.filter((c) -> c.kind() == ConclusionKind.EFFECT)
						.map((c) -> c.id())
						.filter((c) -> after.contains(c) != now.contains(c))
						.toList();
					assertThat(option.moved()).as("%s=%s", l.condition(), option.value()).isEqualTo(moved);
					assertThat(option.effects()).as("%s=%s", l.condition(), option.value()).isEqualTo(effects);
				}
				assertThat(l.best()).isNotEmpty().allSatisfy((b) -> assertThat(l.options()).allSatisfy(
						(o) -> assertThat(o.moved().size()).isLessThanOrEqualTo(b.moved().size())));
			}
		}

		@Test
		void mostMovingConditionsComeFirst() {
			List<WhatIf.Leverage> ranking = analysed(DEFAULTS).ranking();
			for (int i = 1; i < ranking.size(); i++) {
				WhatIf.Leverage before = ranking.get(i - 1);
				WhatIf.Leverage after = ranking.get(i);
				assertThat(before.moved() > after.moved()
						|| (before.moved() == after.moved() && before.effects() >= after.effects()))
					.as("%s before %s", before.condition(), after.condition()).isTrue();
			}
			assertThat(ranking.get(0).moved()).isPositive();
			// western_lens alone moves at least the western-lens risk and the call for nuanced diplomacy.
			WhatIf.Leverage lens = ranking.stream().filter((l) -> l.condition().equals("western_lens")).findFirst()
				.orElseThrow();
			assertThat(lens.best()).extracting(WhatIf.Option::value).containsExactly("nuanced");
			assertThat(lens.best().get(0).moved()).contains("risk_western_lens_accelerates_russia",
					"rec_west_nuanced_diplomacy");
		}

	}

	@Nested
	class Unsettled {

		private final RuleBase looping = RuleBase.build(TestPacks.testPack("looping"), 500);

		@Test
		void changesWhoseRulesDoNotSettleAreCountedAndLeftOut() {
			WhatIf whatIf = new WhatIfAnalysis(this.looping).analyse(Map.of("switch", "false"));
			assertThat(whatIf.figures().unsettled()).isEqualTo(1);
			assertThat(whatIf.figures().evaluations()).isEqualTo(2);
			Outlook b = whatIf.outlook("b").orElseThrow();
			assertThat(b.changesNeeded()).isZero();
			assertThat(b.suggestions()).isEmpty();
			assertThat(whatIf.ranking().get(0).options()).singleElement()
				.satisfies((o) -> assertThat(o.settled()).isFalse());
		}

		@Test
		void conditionsWhoseRulesDoNotSettleCannotBeAnalysed() {
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> new WhatIfAnalysis(this.looping).analyse(Map.of("switch", "true")));
		}

	}

	@Test
	void refusesIncompleteConditions() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> ANALYSIS.analyse(Map.of("oil_price", "low")))
			.withMessageContaining("has no valid value");
	}

	@Test
	void theConeOfAConclusionReachesConditionsThroughTheEffectsItBuildsOn() {
		// R0.08 reads oil_price directly, and leadership_oil_price_dependent, which R0.07 concludes from these two.
		assertThat(ANALYSIS.coneOf("risk_economic_collapse")).containsExactlyInAnyOrder("oil_price", "oil_dependence",
				"genuine_reforms");
	}

	@Nested
	class Text {

		@Test
		void aSingleChangeReadsAsASentenceWithTheQuestionAndTheValueLabels() {
			Outlook o = analysed(DEFAULTS).outlook("risk_economic_collapse").orElseThrow();
			assertThat(WhatIfText.sentence(PACK, o, o.suggestions().get(0))).isEqualTo("Risk “"
					+ o.conclusion().title() + "” would apply if “What is the level of world oil prices?” were ‘Low’"
					+ " instead of ‘Medium’.");
		}

		@Test
		void aPairJoinsItsChangesWithAnd() {
			Outlook o = analysed(DEFAULTS).outlook("risk_russian_soft_power").orElseThrow();
			Suggestion pair = o.suggestions().get(0);
			String first = WhatIfText.change(PACK, pair.changes().get(0));
			String second = WhatIfText.change(PACK, pair.changes().get(1));
			assertThat(WhatIfText.sentence(PACK, o, pair)).isEqualTo("Risk “" + o.conclusion().title()
					+ "” would no longer apply if " + first + " and " + second + ".");
			assertThat(WhatIfText.intro(o)).startsWith("No single change would remove it.");
		}

		@Test
		void aConclusionNothingMovesSaysSo() {
			Outlook o = analysed(DEFAULTS).outlooks().stream().filter((x) -> x.changesNeeded() == 0).findFirst()
				.orElseThrow();
			assertThat(WhatIfText.none(o)).startsWith(WhatIfText.kind(o) + " “" + o.conclusion().title() + "” would still")
				.endsWith("after any single change, or any pair of changes, of the " + o.cone()
						+ " conditions it depends on.");
		}

	}

}
