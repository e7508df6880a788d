package org.policyadvisor.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.drools.model.codegen.ExecutableModelProject;

/**
 * One evaluation in process, single-threaded: the shipped pack on its scenario files and on random scenarios, now
 * and as before the performance work ({@link LegacyEvaluation}), with and without the cache, against the bare cost
 * of the engine (an empty rule base given the same facts). Each invocation takes the next scenario of its list.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmarks {

	private static final int MAX_FIRINGS = 10_000;

	private RuleBase uncached;

	private RuleBase cached;

	private LegacyEvaluation legacy;

	private EmptyRuleBase empty;

	private Map<String, String>[] files;

	private Map<String, String>[] random;

	private int nextFile;

	private int nextRandom;

	@Setup(Level.Trial)
	@SuppressWarnings("unchecked")
	public void setUp() {
		RulePack pack = BenchScenarios.shippedPack();
		this.uncached = RuleBase.build(pack, MAX_FIRINGS, EvaluationCache.disabled(), true);
		this.cached = RuleBase.build(pack, MAX_FIRINGS, EvaluationCache.bounded(20_000, 2_000), true);
		this.legacy = new LegacyEvaluation(this.uncached, MAX_FIRINGS);
		this.empty = new EmptyRuleBase(this.uncached);
		this.files = BenchScenarios.scenarioFiles(pack).toArray(Map[]::new);
		this.random = BenchScenarios.random(this.uncached, 4096, 2019).toArray(Map[]::new);
		// The cached rule base holds every scenario of both lists, as after a while in service.
		for (Map<String, String> s : this.files) {
			this.cached.evaluate(s);
		}
		for (Map<String, String> s : this.random) {
			this.cached.conclusions(s);
		}
	}

	private Map<String, String> file() {
		Map<String, String> s = this.files[this.nextFile];
		this.nextFile = (this.nextFile + 1) % this.files.length;
		return s;
	}

	private Map<String, String> random() {
		Map<String, String> s = this.random[this.nextRandom];
		this.nextRandom = (this.nextRandom + 1) % this.random.length;
		return s;
	}

	@Benchmark
	public Object baselineEmptyRuleBase() {
		return this.empty.run(random());
	}

	@Benchmark
	public Object evaluateFiles() {
		return this.uncached.evaluate(file());
	}

	@Benchmark
	public Object evaluateRandom() {
		return this.uncached.evaluate(random());
	}

	@Benchmark
	public Object conclusionsRandom() {
		return this.uncached.conclusions(random());
	}

	@Benchmark
	public Object legacyEvaluateFiles() {
		return this.legacy.evaluate(file());
	}

	@Benchmark
	public Object legacyEvaluateRandom() {
		return this.legacy.evaluate(random());
	}

	@Benchmark
	public Object legacyConclusionsRandom() {
		return this.legacy.conclusions(random());
	}

	@Benchmark
	public Object cachedEvaluateFiles() {
		return this.cached.evaluate(file());
	}

	@Benchmark
	public Object cachedConclusionsRandom() {
		return this.cached.conclusions(random());
	}

	/**
	 * The engine's bare cost: the pack's conditions and fact types, no rules. Each run does what an evaluation does
	 * with Drools (a pooled session, one fact per condition, fire, read back the conclusions) and nothing else.
	 */
	static final class EmptyRuleBase {

		private static final KieSessionConfiguration SESSIONS;

		static {
			SESSIONS = KieServices.get().newKieSessionConfiguration();
			SESSIONS.setOption(ThreadSafeOption.NO);
		}

		private static final ClassObjectFilter CONCLUDED = new ClassObjectFilter(Concluded.class);

		private final PackIndex index;

		private final KieSessionsPool pool;

		EmptyRuleBase(RuleBase shipped) {
			this.index = new PackIndex(shipped.pack());
			KieServices ks = KieServices.get();
			KieFileSystem kfs = ks.newKieFileSystem();
			ReleaseId releaseId = ks.newReleaseId("org.policyadvisor.bench", "empty", "1.0.0");
			kfs.generateAndWritePomXML(releaseId);
			kfs.write("src/main/resources/org/policyadvisor/bench/empty.drl", """
					package org.policyadvisor.bench;
					import org.policyadvisor.engine.Condition;
					import org.policyadvisor.engine.Concluded;
					""");
			KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
			List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
			if (!errors.isEmpty()) {
				throw new IllegalStateException("the empty rule base does not compile: " + errors);
			}
			KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
			this.pool = kieBase.newKieSessionsPool(2);
		}

		int run(Map<String, String> conditions) {
			byte[] codes = this.index.encode(conditions);
			int found = 0;
			try (KieSession session = this.pool.newKieSession(SESSIONS)) {
				for (int i = 0; i < codes.length; i++) {
					session.insert(this.index.fact(i, codes[i]));
				}
				found += session.fireAllRules(MAX_FIRINGS);
				found += session.getObjects(CONCLUDED).size();
			}
			return found;
		}

	}

}
