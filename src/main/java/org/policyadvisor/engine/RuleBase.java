package org.policyadvisor.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * The compiled rule base of one pack. Built once; {@link #evaluate} and {@link #conclusions} are thread-safe.
 * <p>
 * An evaluation inserts one {@code Condition} per catalogue condition into a pooled session, fires the rules, and
 * reads back the conclusions; the explanation is then worked out from the pack alone. Results go through an
 * {@link EvaluationCache}, keyed by this rule base's {@link #version()} and the conditions.
 * <p>
 * An evaluation is bounded twice: by a number of firings, which stops rules that defeat each other forever after the
 * same work every time, and by a time limit, which stops whatever the firing limit lets through from holding a
 * request thread for long. Both stop the rules between two firings, on the thread that evaluates; Drools starts no
 * thread of its own for this. The time counted is the evaluating thread's processor time, where the JVM measures it:
 * with 64 evaluations at once on two busy cores, a thread can wait more than two seconds for a core during an
 * evaluation of a tenth of a millisecond, and a limit on elapsed time then stopped rules that were not looping at all.
 */
public final class RuleBase {

	private static final AtomicLong BUILDS = new AtomicLong();

	private static final String RESOURCES = "src/main/resources/";

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

	/**
	 * A pooled session serves one evaluation on one thread at a time, so it need not synchronise its propagation
	 * queue; this saves about a tenth of an evaluation.
	 */
	private static final KieSessionConfiguration SESSIONS;

	static {
		SESSIONS = KieServices.get().newKieSessionConfiguration();
		SESSIONS.setOption(ThreadSafeOption.NO);
	}

	private static final ClassObjectFilter CONCLUDED = new ClassObjectFilter(Concluded.class);

	/** The time limit of the factories that take none, as {@code advisor.max-evaluation-time} has by default. */
	public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(2);

	private final RulePack pack;

	private final KieBase kieBase;

	private final int maxFirings;

	private final Duration maxTime;

	private final long maxNanos;

	private final long version;

	private final PackIndex index;

	private final EvaluationCache cache;

	private final boolean precompiled;

	/**
	 * Sessions reset and reused rather than built anew: a fresh session allocates the memory of every node of the
	 * network, which costs about as much as running the rules. Created on first use.
	 */
	private volatile KieSessionsPool pool;

	private RuleBase(RulePack pack, KieBase kieBase, int maxFirings, Duration maxTime, EvaluationCache cache,
			boolean precompiled) {
		this.pack = pack;
		this.kieBase = kieBase;
		this.maxFirings = maxFirings;
		this.maxTime = maxTime;
		this.maxNanos = maxTime.toNanos();
		this.version = BUILDS.incrementAndGet();
		this.index = new PackIndex(pack);
		this.cache = cache;
		this.precompiled = precompiled;
	}

	/**
	 * Builds a validated pack without a cache, from the model compiled at build time when there is one for exactly
	 * this pack's DRL, else by compiling the DRL.
	 */
	public static RuleBase build(RulePack pack, int maxFirings) {
		return build(pack, maxFirings, DEFAULT_MAX_TIME);
	}

	/** As {@link #build(RulePack, int)}, with a time limit per evaluation. */
	public static RuleBase build(RulePack pack, int maxFirings, Duration maxTime) {
		return build(pack, maxFirings, maxTime, EvaluationCache.disabled(), true);
	}

	/** As {@link #build(RulePack, int, Duration, EvaluationCache, boolean)}, with {@link #DEFAULT_MAX_TIME}. */
	public static RuleBase build(RulePack pack, int maxFirings, EvaluationCache cache, boolean usePrecompiled) {
		return build(pack, maxFirings, DEFAULT_MAX_TIME, cache, usePrecompiled);
	}

	/**
	 * Builds a validated pack. Throws {@link PackValidationException} with file and line for any compile error,
	 * and when the rule base does not hold exactly the rules the pack declares.
	 * @param maxFirings the most rule firings one evaluation may take; reaching it counts as not settling
	 * @param maxTime how long one evaluation may run before it is stopped (positive)
	 * @param usePrecompiled whether to load the model compiled at build time (see {@link PrecompiledModel}) when
	 * its fingerprint matches the pack's DRL; otherwise, or when there is none, the DRL is compiled here
	 */
	public static RuleBase build(RulePack pack, int maxFirings, Duration maxTime, EvaluationCache cache,
			boolean usePrecompiled) {
		if (maxFirings <= 0) {
			throw new IllegalArgumentException("The firing limit must be positive: " + maxFirings);
		}
		if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
			throw new IllegalArgumentException("The time limit of an evaluation must be positive: " + maxTime);
		}
		KieBase kieBase = usePrecompiled ? PrecompiledModel.load(pack).orElse(null) : null;
		boolean precompiled = kieBase != null;
		if (kieBase == null) {
			kieBase = compile(pack);
		}
		long compiled = kieBase.getKiePackages().stream().mapToLong((p) -> p.getRules().size()).sum();
		if (compiled != pack.rules().size()) {
			throw new PackValidationException(pack.folder(), List.of(new PackProblem(pack.folder(), 0,
					"the rule base holds " + compiled + " rules where the pack declares " + pack.rules().size())));
		}
		return new RuleBase(pack, kieBase, maxFirings, maxTime, cache, precompiled);
	}

	private static KieBase compile(RulePack pack) {
		KieServices ks = KieServices.get();
		// Each build gets its own release id, so that packs built in one JVM (tests, reloads) never share a module.
		ReleaseId releaseId = ks.newReleaseId("org.policyadvisor.packs", pack.folder(),
				"1.0." + BUILDS.incrementAndGet());
		compileModule(pack, releaseId);
		KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
		ks.getRepository().removeKieModule(releaseId);
		return kieBase;
	}

	/**
	 * Compiles the pack's DRL to the executable model, as a module in the Kie repository under {@code releaseId}.
	 * Throws {@link PackValidationException} with file and line for each problem.
	 */
	static KieBuilder compileModule(RulePack pack, ReleaseId releaseId) {
		KieServices ks = KieServices.get();
		KieFileSystem kfs = ks.newKieFileSystem();
		kfs.generateAndWritePomXML(releaseId);
		List<PackProblem> problems = new ArrayList<>();
		for (PackFile drl : pack.drlFiles()) {
			// The executable model generates Java in the DRL's package: a keyword or other non-name there makes code
			// generation throw, naming neither file nor line.
			Matcher m = PACKAGE.matcher(drl.content());
			if (m.find() && !SourceVersion.isName(m.group(1))) {
				int line = (int) drl.content().substring(0, m.start(1)).chars().filter((c) -> c == '\n').count() + 1;
				problems.add(new PackProblem(drl.name(), line, "does not compile: package " + m.group(1)
						+ " is not a valid Java package name (each part a Java identifier, not a keyword)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new PackValidationException(pack.folder(), problems);
		}
		for (PackFile drl : pack.drlFiles()) {
			// DRL outside src/main/resources/ is silently ignored by the builder.
			kfs.write(ks.getResources()
				.newByteArrayResource(drl.content().getBytes(StandardCharsets.UTF_8))
				.setSourcePath(RESOURCES + packagePath(drl.content()) + drl.name())
				.setResourceType(ResourceType.DRL));
		}
		// drools-engine compiles DRL to the executable model; the interpreted (MVEL) path is not on the classpath.
		KieBuilder builder;
		try {
			builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
		}
		catch (RuntimeException ex) {
			// Code generation can fail by throwing rather than by reporting; that is still a broken pack, not a crash.
			throw new PackValidationException(pack.folder(), List.of(new PackProblem(pack.folder(), 0,
					"does not compile: " + firstLine(String.valueOf(ex.getMessage())))));
		}
		for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
			String path = (m.getPath() != null) ? m.getPath() : "";
			String file = path.substring(path.lastIndexOf('/') + 1);
			// Drools reports some errors without a line (-1), and errors in the Java it generated against that Java,
			// with its whole source in the text: name the pack instead and keep the first line of the text.
			boolean inPack = pack.drlFiles().stream().anyMatch((f) -> f.name().equals(file));
			PackProblem problem = inPack
					? new PackProblem(file, Math.max(m.getLine(), 0), "does not compile: " + firstLine(m.getText()))
					: new PackProblem(pack.folder(), 0, "does not compile (generated " + file + ":" + m.getLine()
							+ "): " + firstLine(m.getText()));
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
		}
		if (!problems.isEmpty()) {
			ks.getRepository().removeKieModule(releaseId);
			throw new PackValidationException(pack.folder(), problems);
		}
		return builder;
	}

	private static String firstLine(String text) {
		return text.strip().lines().findFirst().orElse("").strip();
	}

	private static String packagePath(String drl) {
		Matcher m = PACKAGE.matcher(drl);
		return m.find() ? m.group(1).replace('.', '/') + "/" : "";
	}

	public RulePack pack() {
		return this.pack;
	}

	/**
	 * Tells this rule base from every other built in this JVM, the same pack built twice included: the cache keys
	 * results by it, so that no two rule bases share an entry.
	 */
	public long version() {
		return this.version;
	}

	/** Whether the rules came from the model compiled at build time rather than from compiling the DRL here. */
	public boolean precompiled() {
		return this.precompiled;
	}

	public EvaluationCache cache() {
		return this.cache;
	}

	/** The most rule firings one evaluation may take. */
	public int maxFirings() {
		return this.maxFirings;
	}

	/** How long one evaluation may run. */
	public Duration maxTime() {
		return this.maxTime;
	}

	/** For the benchmarks, which compare this class's evaluation with the engine's bare cost. */
	KieBase kieBase() {
		return this.kieBase;
	}

	/**
	 * Evaluates a complete, valid set of conditions (see {@link ConditionValidator}): the conclusions that hold,
	 * each with its derivations, and why each of the others does not. The result is immutable and may be shared.
	 */
	public Evaluation evaluate(Map<String, String> conditions) {
		byte[] codes = this.index.encode(conditions);
		return this.cache.evaluation(new EvaluationCache.Key(this.version, codes), () -> run(codes),
				(outcome) -> explain(codes, outcome));
	}

	/**
	 * The ids of the conclusions that hold under a complete, valid set of conditions: {@link #evaluate} without the
	 * explanation, for checks over many scenarios (the verifier's sweep, the what-if analysis). The set is
	 * immutable.
	 */
	public Set<String> conclusions(Map<String, String> conditions) {
		byte[] codes = this.index.encode(conditions);
		EvaluationCache.Outcome outcome = this.cache.outcome(new EvaluationCache.Key(this.version, codes),
				() -> run(codes));
		outcome.requireSettled();
		return this.index.conclusionSet(outcome.concluded());
	}

	private KieSessionsPool pool() {
		KieSessionsPool sessions = this.pool;
		if (sessions == null) {
			synchronized (this) {
				sessions = this.pool;
				if (sessions == null) {
					sessions = this.kieBase.newKieSessionsPool(2);
					this.pool = sessions;
				}
			}
		}
		return sessions;
	}

	/**
	 * Runs the rules; a pooled session is reset when it is closed, whatever state the rules left it in, halted
	 * included. An evaluation stopped by the time limit throws rather than returning an outcome: the outcome would be
	 * cached, and whether the limit is reached depends on the load of the machine, not only on the conditions.
	 */
	private EvaluationCache.Outcome run(byte[] codes) {
		long[] concluded = PackIndex.newBits(this.index.conclusionCount());
		int fired;
		try (KieSession session = pool().newKieSession(SESSIONS)) {
			TimeLimit limit = new TimeLimit(session, this.maxNanos);
			for (int i = 0; i < codes.length; i++) {
				session.insert(this.index.fact(i, codes[i]));
			}
			fired = session.fireAllRules(limit, this.maxFirings);
			if (limit.passed) {
				throw UnsettledEvaluationException.timedOut(this.maxTime, fired);
			}
			if (fired >= this.maxFirings) {
				return new EvaluationCache.Outcome(null, fired,
						UnsettledEvaluationException.limitReachedMessage(this.maxFirings));
			}
			for (Object fact : session.getObjects(CONCLUDED)) {
				String id = ((Concluded) fact).id();
				int k = this.index.conclusionPosition(id);
				if (k < 0) {
					// The loader refuses a consequence that names a conclusion the catalogue does not have.
					throw new IllegalStateException("the rules concluded '" + id + "', which the pack does not have");
				}
				PackIndex.add(concluded, k);
			}
		}
		// A settled evaluation is a fixpoint: no rule has all its premises met without its conclusions holding.
		// Truth maintenance can stop short of one when rules defeat each other through not Concluded.
		List<String> broken = null;
		for (int r = 0; r < this.index.ruleCount(); r++) {
			PackIndex.CompiledRule rule = this.index.rule(r);
			if (rule.allHold(codes, concluded) && !producesAll(rule, concluded)) {
				broken = (broken != null) ? broken : new ArrayList<>();
				broken.add(rule.rule().id());
			}
		}
		if (broken != null) {
			return new EvaluationCache.Outcome(null, fired, UnsettledEvaluationException.contradictionMessage(broken));
		}
		return new EvaluationCache.Outcome(concluded, fired, null);
	}

	/**
	 * Stops the rules once the evaluation has had its time. Drools asks an agenda filter before each firing, on the
	 * thread that fires, which makes it the hook between two firings. The clock is read when the evaluation starts and
	 * then only every {@link #CHECK_EVERY} firings: an evaluation of the shipped pack (about 40 firings, at most about
	 * 100) reads it twice at most, and a pack that loops fires that many in a fraction of a millisecond. (Reading a
	 * thread's processor time costs about 0.25 µs, ten times {@code System.nanoTime()}; an evaluation about 100 µs.)
	 */
	private static final class TimeLimit implements AgendaFilter {

		static final int CHECK_EVERY = 64;

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

		private final KieSession session;

		/** Whether this evaluation counts its thread's processor time (-1 when the JVM has that switched off). */
		private final boolean cpu;

		private final long deadline;

		private int untilCheck = CHECK_EVERY;

		boolean passed;

		TimeLimit(KieSession session, long maxNanos) {
			this.session = session;
			long cpuNow = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
			this.cpu = cpuNow >= 0;
			this.deadline = (this.cpu ? cpuNow : System.nanoTime()) + maxNanos;
		}

		@Override
		public boolean accept(Match match) {
			if (this.passed) {
				return false;
			}
			if (--this.untilCheck > 0) {
				return true;
			}
			this.untilCheck = CHECK_EVERY;
			long now = this.cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
			if (now - this.deadline < 0) {
				return true;
			}
			this.passed = true;
			// A refused match is dropped without firing; the halt ends the firing loop at its next step, rather than
			// once every pending match has been refused.
			this.session.halt();
			return false;
		}

	}

	private static boolean producesAll(PackIndex.CompiledRule rule, long[] concluded) {
		for (int k : rule.produces()) {
			if (!PackIndex.contains(concluded, k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The explanation of a settled outcome. The rules that support a conclusion are those whose premises all hold
	 * in the end state: with the agenda empty, each of them has fired, and a rule that fired but whose premises no
	 * longer hold (truth maintenance withdrew what it matched, or a negated conclusion appeared since) supports
	 * nothing. So the explanation needs no record of the firings, only the pack and the end state.
	 */
	private Evaluation explain(byte[] codes, EvaluationCache.Outcome outcome) {
		long[] concluded = outcome.concluded();
		Map<String, List<RuleDef>> supporting = new HashMap<>();
		Map<String, List<PackIndex.CompiledRule>> supportingRules = new HashMap<>();
		for (int r = 0; r < this.index.ruleCount(); r++) {
			PackIndex.CompiledRule rule = this.index.rule(r);
			if (rule.allHold(codes, concluded)) {
				for (int k : rule.produces()) {
					String id = this.index.conclusionId(k);
					supporting.computeIfAbsent(id, (x) -> new ArrayList<>()).add(rule.rule());
					supportingRules.computeIfAbsent(id, (x) -> new ArrayList<>()).add(rule);
				}
			}
		}
		Map<String, Strength> strengths = new StrengthResolver().strengths(supporting);
		List<Evaluation.Finding> findings = new ArrayList<>();
		List<Evaluation.Absence> absences = new ArrayList<>();
		for (int k = 0; k < this.index.conclusionCount(); k++) {
			String id = this.index.conclusionId(k);
			List<PackIndex.CompiledRule> support = supportingRules.get(id);
			if (PackIndex.contains(concluded, k) && support != null) {
				List<Evaluation.Derivation> derivations = support.stream()
					.map((r) -> new Evaluation.Derivation(r.rule().id(), ruleChainStrength(r.rule(), strengths),
							r.checks(codes, concluded)))
					.sorted((a, b) -> b.strength().compareTo(a.strength()))
					.toList();
				findings.add(new Evaluation.Finding(id, strengths.get(id), derivations));
			}
			else {
				List<Evaluation.Attempt> attempts = new ArrayList<>();
				for (PackIndex.CompiledRule r : this.index.producers(k)) {
					attempts.add(new Evaluation.Attempt(r.rule().id(), r.checks(codes, concluded)));
				}
				absences.add(new Evaluation.Absence(id, List.copyOf(attempts)));
			}
		}
		return new Evaluation(this.index.conditionMap(codes), List.copyOf(findings), List.copyOf(absences),
				outcome.firings());
	}

	private static Strength ruleChainStrength(RuleDef rule, Map<String, Strength> strengths) {
		Strength s = rule.strength();
		for (Premise p : rule.premises()) {
			if (!p.isCondition() && !p.negated() && strengths.containsKey(p.id())) {
				s = s.weakest(strengths.get(p.id()));
			}
		}
		return s;
	}

	/**
	 * Strength of each conclusion: the best of its derivations, each as strong as its weakest link. Premises are
	 * resolved depth first; a conclusion met again on its own path counts as unsupported, which keeps cycles finite.
	 */
	private static final class StrengthResolver {

		private final Map<String, Strength> memo = new HashMap<>();

		private final Set<String> inProgress = new HashSet<>();

		Map<String, Strength> strengths(Map<String, List<RuleDef>> supporting) {
			supporting.keySet().forEach((id) -> strength(id, supporting));
			return this.memo;
		}

		private Strength strength(String id, Map<String, List<RuleDef>> supporting) {
			if (this.memo.containsKey(id)) {
				return this.memo.get(id);
			}
			if (!this.inProgress.add(id)) {
				return null;
			}
			Strength best = null;
			for (RuleDef rule : supporting.getOrDefault(id, List.of())) {
				Strength chain = rule.strength();
				for (Premise p : rule.premises()) {
					if (!p.isCondition() && !p.negated()) {
						Strength sub = strength(p.id(), supporting);
						chain = (sub == null) ? null : chain.weakest(sub);
					}
					if (chain == null) {
						break;
					}
				}
				if (chain != null && (best == null || chain.compareTo(best) > 0)) {
					best = chain;
				}
			}
			this.inProgress.remove(id);
			if (best != null) {
				this.memo.put(id, best);
			}
			return best;
		}

	}

}
