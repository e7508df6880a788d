package org.policyadvisor.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.TestPacks;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsMatrixTests {

	private final RuleBase ruleBase = TestPacks.shipped();

	@Test
	void listsEveryRuleOnceInPaperOrder() {
		ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase, new ClassPathResource("rule-tests-sample.tsv"));
		List<String> ids = matrix.claims().stream().map((c) -> c.rule().id()).toList();
		assertThat(ids).hasSize(this.ruleBase.pack().rules().size()).doesNotHaveDuplicates();
		assertThat(ids).containsAll(this.ruleBase.pack().rules().stream().map(RuleDef::id).toList());
		assertThat(ids.indexOf("R6.02")).isLessThan(ids.indexOf("R6.10"));
		assertThat(ids.get(0)).startsWith("R0.");
	}

	@Test
	void groupsClaimsByThePartOfThePaperThatMakesThem() {
		ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase, new ClassPathResource("rule-tests-sample.tsv"));
		assertThat(matrix.byChapter().keySet()).extracting((c) -> c.title()).contains("Summary", "6. Conclusion");
		assertThat(matrix.claims()).allSatisfy((c) -> assertThat(c.chapter().number()).isNotNegative());
	}

	@Test
	void attachesTheTestsOfEachRuleFromThePackagedIndex() {
		ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase, new ClassPathResource("rule-tests-sample.tsv"));
		assertThat(matrix.testIndexPresent()).isTrue();
		ClaimsMatrix.Claim first = matrix.claims().stream().filter((c) -> c.rule().id().equals("R0.01")).findFirst()
			.orElseThrow();
		assertThat(first.tests()).singleElement().satisfies((t) -> {
			assertThat(t.testClass()).isEqualTo("AzerbaijanRussiaRulesTests.R0_01");
			assertThat(t.tests()).containsExactly("does not fire when the west re engages",
					"fires when the west is disengaged and russia assertive");
		});
		assertThat(first.testCount()).isEqualTo(2);
	}

	@Test
	void saysSoWhenTheBuildCarriesNoTestIndex() {
		ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase, new ClassPathResource("no-such-index.tsv"));
		assertThat(matrix.testIndexPresent()).isFalse();
		assertThat(matrix.claims()).allSatisfy((c) -> assertThat(c.tests()).isEmpty());
	}

	@Test
	void recordsTheScenariosInWhichEachClaimFires() {
		ClaimsMatrix matrix = new ClaimsMatrix(this.ruleBase, new ClassPathResource("rule-tests-sample.tsv"));
		assertThat(matrix.scenarioCount()).isEqualTo(this.ruleBase.pack().scenarios().size()).isPositive();
		// R0.08 (economic collapse) needs a low oil price: the oil-price what-if exercises it, the 2019 one does not.
		ClaimsMatrix.Claim collapse = matrix.claims().stream().filter((c) -> c.rule().id().equals("R0.08"))
			.findFirst().orElseThrow();
		assertThat(collapse.scenarios()).extracting((s) -> s.id()).contains("what-if-oil-price-collapse")
			.doesNotContain("2018-19-velvet-revolution");
		// Each listed scenario really fires the rule.
		assertThat(matrix.claims()).allSatisfy((c) -> assertThat(c.scenarios()).allSatisfy((s) -> assertThat(
				this.ruleBase.evaluate(this.ruleBase.pack().conditionsOf(s)).firedRules()).contains(c.rule().id())));
		assertThat(matrix.unexercisedCount())
			.isEqualTo(matrix.claims().stream().filter((c) -> c.scenarios().isEmpty()).count());
		assertThat(matrix.unexercisedByChapter().values()).allSatisfy(
				(claims) -> assertThat(claims).allSatisfy((c) -> assertThat(c.exercisedByScenario()).isFalse()));
	}

}
