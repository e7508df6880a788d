package org.policyadvisor.advisor;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.policyadvisor.engine.BenchScenarios;
import org.policyadvisor.engine.EvaluationCache;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of building a result from an evaluation already made (as a cache hit hands it over): the API's JSON
 * (the response model, then its bytes) and the result page's view model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResultBenchmarks {

	private RulePack pack;

	private Evaluation[] evaluations;

	private JsonMapper json;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.pack = BenchScenarios.shippedPack();
		RuleBase ruleBase = RuleBase.build(this.pack, 10_000, EvaluationCache.disabled(), true);
		this.evaluations = BenchScenarios.scenarioFiles(this.pack).stream().map(ruleBase::evaluate)
			.toArray(Evaluation[]::new);
		this.json = JsonMapper.builder().build();
	}

	private Evaluation evaluation() {
		Evaluation e = this.evaluations[this.next];
		this.next = (this.next + 1) % this.evaluations.length;
		return e;
	}

	@Benchmark
	public byte[] apiJson() {
		return this.json.writeValueAsBytes(ApiModel.evaluation(this.pack, null, evaluation()));
	}

	@Benchmark
	public Object adviceView() {
		return AdviceView.of(this.pack, evaluation());
	}

	/** The size of the API's JSON for the scenario files, for the report. */
	public static long meanJsonBytes() {
		ResultBenchmarks b = new ResultBenchmarks();
		b.setUp();
		long total = 0;
		for (int i = 0; i < b.evaluations.length; i++) {
			total += b.apiJson().length;
		}
		return total / b.evaluations.length;
	}

}
