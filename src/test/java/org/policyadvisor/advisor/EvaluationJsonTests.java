package org.policyadvisor.advisor;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.EvaluationCache;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.TestPacks;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationJsonTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final RuleBase ruleBase = RuleBase.build(TestPacks.shipped().pack(), 10_000,
			EvaluationCache.bounded(100, 100), true);

	private final RulePack pack = this.ruleBase.pack();

	@Test
	void theJsonOfAnEvaluationMetAgainIsKeptAndIsTheResponseModelsJson() {
		EvaluationJson json = new EvaluationJson(this.mapper, true);
		Evaluation evaluation = this.ruleBase.evaluate(this.pack.defaults());
		byte[] first = json.of(this.pack, null, evaluation);
		byte[] second = json.of(this.pack, null, evaluation);
		// Written for the first request and again for the second, which keeps it for the third.
		assertThat(second).isNotSameAs(first).isEqualTo(first);
		assertThat(json.of(this.pack, null, evaluation)).isSameAs(second);
		assertThat(first).isEqualTo(this.mapper.writeValueAsBytes(ApiModel.evaluation(this.pack, null, evaluation)));
	}

	@Test
	void aScenarioNamedInTheRequestHasItsOwnJson() {
		EvaluationJson json = new EvaluationJson(this.mapper, true);
		Scenario scenario = this.pack.scenarios().get(0);
		Evaluation evaluation = this.ruleBase.evaluate(this.pack.conditionsOf(scenario));
		json.of(this.pack, null, evaluation);
		byte[] plain = json.of(this.pack, null, evaluation);
		byte[] named = json.of(this.pack, scenario, evaluation);
		assertThat(new String(named)).contains("\"scenario\":\"" + scenario.id() + "\"");
		assertThat(new String(plain)).doesNotContain("\"scenario\":");
		assertThat(json.of(this.pack, scenario, evaluation)).isSameAs(named);
	}

	@Test
	void anEqualEvaluationThatIsNotTheSameInstanceIsWrittenAgain() {
		EvaluationJson json = new EvaluationJson(this.mapper, true);
		RuleBase uncached = TestPacks.shipped();
		Evaluation one = uncached.evaluate(this.pack.defaults());
		Evaluation another = uncached.evaluate(this.pack.defaults());
		assertThat(another).isEqualTo(one);
		assertThat(json.of(this.pack, null, another)).isNotSameAs(json.of(this.pack, null, one))
			.isEqualTo(json.of(this.pack, null, one));
	}

	@Test
	void withoutTheCacheEveryResponseIsWritten() {
		EvaluationJson json = new EvaluationJson(this.mapper, false);
		Evaluation evaluation = this.ruleBase.evaluate(this.pack.defaults());
		assertThat(json.of(this.pack, null, evaluation)).isNotSameAs(json.of(this.pack, null, evaluation));
	}

}
