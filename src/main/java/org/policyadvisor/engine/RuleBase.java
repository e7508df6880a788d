package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.lang.model.SourceVersion;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The compiled rule base of one pack. Built once; {@link #evaluate} is thread-safe and opens a new session per call.
 */
public final class RuleBase {

	private static final AtomicLong BUILDS = new AtomicLong();

	private static final String RESOURCES = "src/main/resources/";

	private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern
		.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

	private final RulePack pack;

	private final KieBase kieBase;

	private final int maxFirings;

	/**
	 * Sessions for {@link #conclusions}, reset and reused rather than built anew: a fresh session allocates the
	 * memory of every node of the network, which costs about as much as running the rules. Created on first use.
	 */
	private volatile KieSessionsPool pool;

	private RuleBase(RulePack pack, KieBase kieBase, int maxFirings) {
		this.pack = pack;
		this.kieBase = kieBase;
		this.maxFirings = maxFirings;
	}

	/**
	 * Compiles a validated pack. Throws {@link PackValidationException} with file and line for any compile error,
	 * and when the compiled rule base does not hold exactly the rules the pack declares.
	 */
	public static RuleBase build(RulePack pack, int maxFirings) {
		KieServices ks = KieServices.get();
		KieFileSystem kfs = ks.newKieFileSystem();
		// Each build gets its own release id, so that packs built in one JVM (tests, reloads) never share a module.
		ReleaseId releaseId = ks.newReleaseId("org.policyadvisor.packs", pack.folder(),
				"1.0." + BUILDS.incrementAndGet());
		kfs.generateAndWritePomXML(releaseId);
		List<PackProblem> problems = new ArrayList<>();
		for (PackFile drl : pack.drlFiles()) {
			// The executable model generates Java in the DRL's package: a keyword or other non-name there makes code
			// generation throw, naming neither file nor line.
			java.util.regex.Matcher m = PACKAGE.matcher(drl.content());
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
				.newByteArrayResource(drl.content().getBytes(java.nio.charset.StandardCharsets.UTF_8))
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
			throw new PackValidationException(pack.folder(), problems);
		}
		KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
		ks.getRepository().removeKieModule(releaseId);
		long compiled = kieBase.getKiePackages().stream().mapToLong((p) -> p.getRules().size()).sum();
		if (compiled != pack.rules().size()) {
			throw new PackValidationException(pack.folder(), List.of(new PackProblem(pack.folder(), 0,
					"the rule base holds " + compiled + " rules where the pack declares " + pack.rules().size())));
		}
		return new RuleBase(pack, kieBase, maxFirings);
	}

	private static String firstLine(String text) {
		return text.strip().lines().findFirst().orElse("").strip();
	}

	private static String packagePath(String drl) {
		java.util.regex.Matcher m = PACKAGE.matcher(drl);
		return m.find() ? m.group(1).replace('.', '/') + "/" : "";
	}

	public RulePack pack() {
		return this.pack;
	}

	/**
	 * Evaluates a complete, valid set of conditions (see {@link ConditionValidator}).
	 */
	public Evaluation evaluate(Map<String, String> conditions) {
		Map<String, String> values = complete(conditions);
		Set<String> matched = new LinkedHashSet<>();
		Run run = run(values, matched);
		requireConsistent(values, run.concluded());
		return explain(values, matched, run.concluded(), run.firings());
	}

	/**
	 * The ids of the conclusions that hold under a complete, valid set of conditions: {@link #evaluate} without the
	 * explanation, for checks over many scenarios (the verifier's sweep), where explaining every conclusion that does
	 * not hold costs more than running the rules.
	 */
	public Set<String> conclusions(Map<String, String> conditions) {
		Map<String, String> values = complete(conditions);
		Set<String> concluded = run(values, null).concluded();
		requireConsistent(values, concluded);
		return concluded;
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

	private Map<String, String> complete(Map<String, String> conditions) {
		Map<String, String> values = new LinkedHashMap<>();
		for (ConditionDef def : this.pack.conditions()) {
			String value = conditions.get(def.id());
			if (!def.allows(value)) {
				throw new IllegalArgumentException("condition '" + def.id() + "' has no valid value: " + value);
			}
			values.put(def.id(), value);
		}
		return values;
	}

	private record Run(Set<String> concluded, int firings) {
	}

	/**
	 * Runs the rules; {@code matched}, when given, collects the names of the rules that fired. Without it the session
	 * comes from the pool: a pooled session is reset when it is returned, but listeners are best not left to that.
	 */
	private Run run(Map<String, String> values, Set<String> matched) {
		Set<String> concluded = new HashSet<>();
		int fired;
		try (KieSession session = (matched != null) ? this.kieBase.newKieSession() : pool().newKieSession()) {
			if (matched != null) {
				session.addEventListener(new DefaultAgendaEventListener() {
					@Override
					public void afterMatchFired(AfterMatchFiredEvent event) {
						matched.add(event.getMatch().getRule().getName());
					}
				});
			}
			values.forEach((id, value) -> session.insert(new Condition(id, value)));
			fired = session.fireAllRules(this.maxFirings);
			if (fired >= this.maxFirings) {
				throw UnsettledEvaluationException.limitReached(this.maxFirings);
			}
			Collection<?> facts = session.getObjects((o) -> o instanceof Concluded);
			facts.forEach((f) -> concluded.add(((Concluded) f).id()));
		}
		return new Run(concluded, fired);
	}

	/**
	 * A settled evaluation is a fixpoint: no rule has all its premises met without its conclusions holding. Truth
	 * maintenance can stop short of one when rules defeat each other through {@code not Concluded}.
	 */
	private void requireConsistent(Map<String, String> values, Set<String> concluded) {
		List<String> broken = this.pack.rules().stream()
			.filter((r) -> r.premises().stream().allMatch((p) -> p.holds(values, concluded))
					&& !concluded.containsAll(r.produces()))
			.map(RuleDef::id)
			.toList();
		if (!broken.isEmpty()) {
			throw UnsettledEvaluationException.contradiction(broken);
		}
	}

	private Evaluation explain(Map<String, String> values, Set<String> matched, Set<String> concluded, int fired) {
		// A firing supports a conclusion only if, in the final state, every premise it relied on still holds:
		// truth maintenance may have withdrawn a conclusion it matched, or a negated one may have appeared since.
		Map<String, List<RuleDef>> supporting = new HashMap<>();
		for (String name : matched) {
			RuleDef rule = this.pack.ruleNamed(name).orElseThrow();
			boolean stillHolds = rule.premises().stream().allMatch((p) -> p.holds(values, concluded));
			if (stillHolds) {
				for (String id : rule.produces()) {
					supporting.computeIfAbsent(id, (k) -> new ArrayList<>()).add(rule);
				}
			}
		}
		Map<String, Strength> strengths = new StrengthResolver().strengths(supporting);
		List<Evaluation.Finding> findings = new ArrayList<>();
		List<Evaluation.Absence> absences = new ArrayList<>();
		for (ConclusionDef c : this.pack.conclusions()) {
			if (concluded.contains(c.id()) && supporting.containsKey(c.id())) {
				List<Evaluation.Derivation> derivations = supporting.get(c.id()).stream()
					.map((r) -> new Evaluation.Derivation(r.id(), ruleChainStrength(r, strengths),
							checks(r, values, concluded)))
					.sorted((a, b) -> b.strength().compareTo(a.strength()))
					.toList();
				findings.add(new Evaluation.Finding(c.id(), strengths.get(c.id()), derivations));
			}
			else {
				List<Evaluation.Attempt> attempts = this.pack.rulesProducing(c.id()).stream()
					.map((r) -> new Evaluation.Attempt(r.id(), checks(r, values, concluded)))
					.toList();
				absences.add(new Evaluation.Absence(c.id(), attempts));
			}
		}
		return new Evaluation(values, findings, absences, fired);
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

	private static List<Evaluation.PremiseCheck> checks(RuleDef rule, Map<String, String> values,
			Set<String> concluded) {
		return rule.premises().stream().map((p) -> new Evaluation.PremiseCheck(p,
				p.isCondition() ? values.get(p.id()) : (concluded.contains(p.id()) ? "holds" : "does not hold"),
				p.holds(values, concluded))).toList();
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
