package org.policyadvisor.audit;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

import org.policyadvisor.audit.VerificationReport.ConflictCheck;
import org.policyadvisor.audit.VerificationReport.Coverage;
import org.policyadvisor.audit.VerificationReport.Cycle;
import org.policyadvisor.audit.VerificationReport.PremiseCoverage;
import org.policyadvisor.audit.VerificationReport.Reach;
import org.policyadvisor.audit.VerificationReport.RuleCheck;
import org.policyadvisor.audit.VerificationReport.RuleCoverage;
import org.policyadvisor.audit.VerificationReport.UnusedEntry;
import org.policyadvisor.audit.VerificationReport.Witness;
import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.PackDescriptor;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.UnsettledEvaluationException;

/**
 * Verifies a rule base from its own rules: the pack's dialect makes every rule's inputs and outputs known without
 * running it, so each rule's premises can be chained back to conditions.
 * <ul>
 * <li>For every rule, a <em>witness</em>: a backward search from the rule's premises to condition values, trying each
 * rule that can produce a conclusion it needs and blocking every rule that could produce one it needs absent; each
 * candidate is run through {@link RuleBase#evaluate} and counts only if the rule fires. Without one, the reason.</li>
 * <li>Catalogue entries no rule that can fire uses, and cycles between conclusions.</li>
 * <li>Declared conflicts: a directed backward search for both conclusions together, and a sweep of the scenario
 * space, exhaustive when it is small enough and otherwise every pair of condition values over the defaults plus
 * seeded random scenarios, evaluated on a fixed pool of threads.</li>
 * <li>Coverage of the rules and their premises by the pack's scenario files.</li>
 * </ul>
 * A verifier is used once, by one thread; the rule base's evaluations are thread-safe.
 */
public final class Verifier {

	/**
	 * How hard to search.
	 *
	 * @param exhaustiveLimit the largest scenario space that is evaluated in full
	 * @param randomScenarios random scenarios evaluated after the pairwise ones, when the space is larger
	 * @param seed the seed of the random scenarios; the same seed gives the same scenarios and the same report
	 * @param threads the size of the pool the sweep runs on
	 */
	public record Settings(long exhaustiveLimit, int randomScenarios, long seed, int threads) {

		/** What the issue asks for: exhaustive up to 2,000,000 scenarios, else pairs plus 100,000 random ones. */
		public static final Settings DEFAULT = new Settings(2_000_000, 100_000, 2019, 2);

		public Settings {
			if (exhaustiveLimit < 0 || randomScenarios < 0 || threads < 1) {
				throw new IllegalArgumentException("exhaustiveLimit and randomScenarios must not be negative, threads"
						+ " must be at least 1");
			}
		}

		public Settings withRandomScenarios(int count) {
			return new Settings(this.exhaustiveLimit, count, this.seed, this.threads);
		}

	}

	/** Beyond this many nested "must not hold" steps the backward search stops and the rule stays undecided. */
	private static final int MAX_BLOCK_DEPTH = 6;

	/** Search steps and engine runs allowed per target, so that a pathological pack cannot stall the verification. */
	private static final int MAX_NODES = 200_000;

	private static final int MAX_CANDIDATES = 200;

	private static final int SWEEP_CHUNK = 256;

	/** Timed single evaluations for the report's comparison figure. */
	private static final int TIMED_EVALUATIONS = 301;

	private final RuleBase ruleBase;

	private final RulePack pack;

	private final Settings settings;

	private final List<ConditionDef> conditions;

	private final Map<String, Integer> conditionIndex = new HashMap<>();

	/** Per condition, the bit of every value it allows. */
	private final long[] fullMasks;

	private final int[] defaultValue;

	private final AtomicLong evaluations = new AtomicLong();

	private final boolean backwardConflictSearch;

	public Verifier(RuleBase ruleBase, Settings settings) {
		this(ruleBase, settings, true);
	}

	/**
	 * @param backwardConflictSearch whether to search for declared conflicts backwards from their conclusions before
	 * the sweep; tests turn it off to see what the sweep finds on its own
	 */
	Verifier(RuleBase ruleBase, Settings settings, boolean backwardConflictSearch) {
		this.backwardConflictSearch = backwardConflictSearch;
		this.ruleBase = ruleBase;
		this.pack = ruleBase.pack();
		this.settings = settings;
		this.conditions = this.pack.conditions();
		this.fullMasks = new long[this.conditions.size()];
		this.defaultValue = new int[this.conditions.size()];
		for (int i = 0; i < this.conditions.size(); i++) {
			ConditionDef c = this.conditions.get(i);
			if (c.values().size() > 63) {
				throw new IllegalArgumentException("condition '" + c.id() + "' has more than 63 values");
			}
			this.conditionIndex.put(c.id(), i);
			this.fullMasks[i] = (1L << c.values().size()) - 1;
			this.defaultValue[i] = c.valueIds().indexOf(c.defaultValue());
		}
	}

	public VerificationReport verify() {
		long start = System.nanoTime();
		Instant computedAt = Instant.now();
		Set<String> derivable = derivable();
		List<Set<String>> components = stronglyConnected();

		// 1. A witness for every rule by backward search, each confirmed by the engine.
		Map<String, RuleOutcome> outcomes = new LinkedHashMap<>();
		for (RuleDef rule : this.pack.rules()) {
			outcomes.put(rule.id(), witnessFor(rule));
		}

		// 2. Declared conflicts: a directed search for both conclusions at once, then the sweep.
		List<PackDescriptor.Conflict> declared = this.pack.descriptor().conflicts();
		Map<PackDescriptor.Conflict, Witness> directed = new LinkedHashMap<>();
		Set<PackDescriptor.Conflict> ruledOut = new HashSet<>();
		for (PackDescriptor.Conflict conflict : this.backwardConflictSearch ? declared
				: List.<PackDescriptor.Conflict>of()) {
			Predicate<Evaluation> both = (e) -> e.holds(conflict.a()) && e.holds(conflict.b());
			Search search = new Search(both);
			Goals goals = Goals.of(new Prove(conflict.a(), Set.of()), new Prove(conflict.b(), Set.of()));
			if (search.solve(goals, this.fullMasks.clone(), Set.of(), Set.of())) {
				directed.put(conflict, minimise(search.found, both));
			}
			else if (!search.gaveUp && search.candidates == 0) {
				// Every way of deriving one of them excludes the other: no scenario, searched or not, has both.
				ruledOut.add(conflict);
			}
		}
		List<Timed> timed = new ArrayList<>();
		Sweep sweep = sweep(declared, timed);

		// Rules the backward search could not settle, that the sweep saw fire: the sweep's scenario is the witness.
		for (RuleDef rule : this.pack.rules()) {
			RuleOutcome outcome = outcomes.get(rule.id());
			long index = sweep.firstFiring.get(rule.id());
			if (outcome.reach != Reach.FIRES && index != Long.MAX_VALUE) {
				Predicate<Evaluation> fires = (e) -> e.firedRules().contains(rule.id());
				Witness w = confirmed(sweep.source.scenario(index), fires);
				if (w != null) {
					outcomes.put(rule.id(), new RuleOutcome(Reach.FIRES, w, "sweep", null));
				}
			}
		}
		List<RuleCheck> rules = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			RuleOutcome o = outcomes.get(rule.id());
			String reason = (o.reach == Reach.CANNOT_FIRE) ? cannotFireReason(rule, derivable, components)
					: o.reason;
			rules.add(new RuleCheck(rule.id(), rule.claim(), rule.location(), o.reach, o.witness, o.foundBy, reason));
		}
		// In the paper's order, as the claims matrix lists them, rather than by file.
		rules.sort((x, y) -> ClaimsMatrix.compareIds(x.ruleId(), y.ruleId()));

		List<ConflictCheck> conflicts = new ArrayList<>();
		for (PackDescriptor.Conflict conflict : declared) {
			Witness w = directed.get(conflict);
			String foundBy = (w != null) ? "backward search" : null;
			int k = declared.indexOf(conflict);
			if (w == null && sweep.firstConflict.get(k) != Long.MAX_VALUE) {
				Predicate<Evaluation> both = (e) -> e.holds(conflict.a()) && e.holds(conflict.b());
				w = confirmed(sweep.source.scenario(sweep.firstConflict.get(k)), both);
				foundBy = (w != null) ? "sweep" : null;
			}
			conflicts.add(new ConflictCheck(conflict.a(), conflict.b(), conflict.reason(), w, foundBy,
					ruledOut.contains(conflict)));
		}

		Set<String> firing = new HashSet<>();
		rules.stream().filter(RuleCheck::fires).forEach((r) -> firing.add(r.ruleId()));
		Coverage coverage = coverage();
		VerificationReport.Unsettled unsettled = null;
		if (sweep.unsettled.get() > 0) {
			Witness first = minimiseWhere(sweep.source.scenario(sweep.firstUnsettled.get()), this::neverSettles);
			String message;
			try {
				evaluate(first.conditions());
				message = "";
			}
			catch (UnsettledEvaluationException ex) {
				message = ex.getMessage();
			}
			unsettled = new VerificationReport.Unsettled(sweep.unsettled.get(), first, message);
		}
		double single = median(timed);
		long total = (System.nanoTime() - start) / 1_000_000;
		VerificationReport.Search search = new VerificationReport.Search(sweep.source.mode(), spaceInWords(sweep.space),
				this.settings.exhaustiveLimit(), sweep.source.pairwise(), sweep.source.random(), this.settings.seed(),
				this.settings.threads(), sweep.source.count(), this.evaluations.get(), sweep.millis, total,
				(sweep.millis == 0) ? 0 : sweep.source.count() * 1000.0 / sweep.millis / this.settings.threads(),
				single);
		return new VerificationReport(this.pack.folder(), this.pack.descriptor().version(), computedAt,
				this.conditions.size(), this.pack.conclusions().size(), rules, unusedConditions(firing),
				unproducedConclusions(firing), unreadEffects(firing), cycles(components), conflicts, unsettled,
				coverage, search);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Backward search

	private record RuleOutcome(Reach reach, Witness witness, String foundBy, String reason) {
	}

	private RuleOutcome witnessFor(RuleDef rule) {
		Predicate<Evaluation> fires = (e) -> e.firedRules().contains(rule.id());
		Search search = new Search(fires);
		boolean found = search.solve(Goals.of(new Fire(rule, Set.copyOf(rule.produces()))), this.fullMasks.clone(),
				ownConclusions(rule), Set.of());
		if (found) {
			return new RuleOutcome(Reach.FIRES, minimise(search.found, fires), "backward search", null);
		}
		if (search.gaveUp) {
			return new RuleOutcome(Reach.UNDECIDED, null, null,
					"the search reached its limits (" + MAX_NODES + " steps, " + MAX_CANDIDATES + " engine runs or "
							+ MAX_BLOCK_DEPTH + " nested absences) without finding a scenario in which it fires");
		}
		if (search.candidates > 0) {
			// The premises can be met on paper, yet the engine did not fire the rule: its negations interact in ways
			// the search does not model, or the rules never settle on those scenarios.
			return new RuleOutcome(Reach.UNDECIDED, null, null, search.candidates + " scenario"
					+ ((search.candidates == 1) ? "" : "s") + " that meet its premises on paper did not make it fire"
					+ " when run" + (search.unsettled > 0 ? " (" + search.unsettled + " never settled)" : ""));
		}
		return new RuleOutcome(Reach.CANNOT_FIRE, null, null, null);
	}

	/** What remains to be shown, as a list: most searches nest a few goals deep, so a linked list shares well. */
	private record Goals(Goal head, Goals tail) {

		static Goals of(Goal... goals) {
			Goals list = null;
			for (int i = goals.length - 1; i >= 0; i--) {
				list = new Goals(goals[i], list);
			}
			return list;
		}

	}

	private sealed interface Goal permits Fire, Prove, Block, BlockRule {
	}

	/** Every premise of the rule holds. {@code path}: the conclusions being proved above it, to stop at cycles. */
	private record Fire(RuleDef rule, Set<String> path) implements Goal {
	}

	/** Some rule producing the conclusion fires. */
	private record Prove(String conclusion, Set<String> path) implements Goal {
	}

	/** No rule producing the conclusion fires. */
	private record Block(String conclusion, int depth) implements Goal {
	}

	/** The rule does not fire: one of its premises fails. */
	private record BlockRule(RuleDef rule, int depth) implements Goal {
	}

	/**
	 * A depth-first search over the values each condition may still take (a bit set per condition). Conclusions
	 * proved on the current line of reasoning are {@code established}, those that must not hold {@code blocked};
	 * a line that needs one in both fails. Each complete line is turned into a scenario (defaults wherever allowed)
	 * and run: only the engine's answer counts.
	 */
	private final class Search {

		private final Predicate<Evaluation> target;

		private int nodes;

		int candidates;

		int unsettled;

		boolean gaveUp;

		int[] found;

		/** Why lines of reasoning failed, for the report: the conditions that ran out of values. */
		final Map<String, Integer> emptied = new HashMap<>();

		final Set<String> cycledOn = new LinkedHashSet<>();

		/** Conclusions a line of reasoning needed both to hold and not to hold. */
		final Set<String> clashed = new LinkedHashSet<>();

		Search(Predicate<Evaluation> target) {
			this.target = target;
		}

		boolean solve(Goals goals, long[] domains, Set<String> established, Set<String> blocked) {
			if (this.gaveUp || ++this.nodes > MAX_NODES || this.candidates >= MAX_CANDIDATES) {
				this.gaveUp = true;
				return false;
			}
			if (goals == null) {
				return candidate(domains);
			}
			Goals rest = goals.tail();
			Goal goal = goals.head();
			if (goal instanceof Fire f) {
				return fire(f, rest, domains, established, blocked);
			}
			if (goal instanceof Prove p) {
				return prove(p, rest, domains, established, blocked);
			}
			if (goal instanceof Block b) {
				return block(b, rest, domains, established, blocked);
			}
			return blockRule((BlockRule) goal, rest, domains, established, blocked);
		}

		private boolean fire(Fire f, Goals rest, long[] domains, Set<String> established, Set<String> blocked) {
			long[] narrowed = domains.clone();
			Goals next = rest;
			List<Premise> premises = f.rule().premises();
			for (int i = premises.size() - 1; i >= 0; i--) {
				Premise p = premises.get(i);
				if (p.isCondition()) {
					int c = conditionIndex.get(p.id());
					narrowed[c] &= mask(p);
					if (narrowed[c] == 0) {
						this.emptied.merge(p.id(), 1, Integer::sum);
						return false;
					}
				}
				else if (p.negated()) {
					next = new Goals(new Block(p.id(), 0), next);
				}
				else {
					next = new Goals(new Prove(p.id(), f.path()), next);
				}
			}
			return solve(next, narrowed, established, blocked);
		}

		private boolean prove(Prove p, Goals rest, long[] domains, Set<String> established, Set<String> blocked) {
			String id = p.conclusion();
			if (p.path().contains(id)) {
				// Needing a conclusion to prove itself: this line of reasoning goes round in a cycle.
				this.cycledOn.add(id);
				return false;
			}
			if (established.contains(id)) {
				return solve(rest, domains, established, blocked);
			}
			if (blocked.contains(id)) {
				this.clashed.add(id);
				return false;
			}
			Set<String> path = plus(p.path(), id);
			Set<String> now = plus(established, id);
			for (RuleDef producer : Verifier.this.pack.rulesProducing(id)) {
				if (solve(new Goals(new Fire(producer, path), rest), domains, now, blocked)) {
					return true;
				}
				if (this.gaveUp) {
					return false;
				}
			}
			return false;
		}

		private boolean block(Block b, Goals rest, long[] domains, Set<String> established, Set<String> blocked) {
			String id = b.conclusion();
			if (established.contains(id)) {
				this.clashed.add(id);
				return false;
			}
			if (blocked.contains(id)) {
				return solve(rest, domains, established, blocked);
			}
			if (b.depth() > MAX_BLOCK_DEPTH) {
				this.gaveUp = true;
				return false;
			}
			Goals next = rest;
			for (RuleDef producer : Verifier.this.pack.rulesProducing(id)) {
				next = new Goals(new BlockRule(producer, b.depth()), next);
			}
			return solve(next, domains, established, plus(blocked, id));
		}

		private boolean blockRule(BlockRule b, Goals rest, long[] domains, Set<String> established,
				Set<String> blocked) {
			List<Premise> premises = b.rule().premises();
			for (Premise p : premises) {
				boolean alreadyFails = p.isCondition() ? (domains[conditionIndex.get(p.id())] & mask(p)) == 0
						: p.negated() ? established.contains(p.id()) : blocked.contains(p.id());
				if (alreadyFails) {
					return solve(rest, domains, established, blocked);
				}
			}
			// Otherwise one premise must fail: try each way in turn, conditions first (they cost no further search).
			for (Premise p : premises) {
				if (p.isCondition()) {
					int c = conditionIndex.get(p.id());
					long[] narrowed = domains.clone();
					narrowed[c] &= ~mask(p);
					if (narrowed[c] != 0 && solve(rest, narrowed, established, blocked)) {
						return true;
					}
					if (this.gaveUp) {
						return false;
					}
				}
			}
			for (Premise p : premises) {
				if (!p.isCondition()) {
					Goal fail = p.negated() ? new Prove(p.id(), Set.of()) : new Block(p.id(), b.depth() + 1);
					if (solve(new Goals(fail, rest), domains, established, blocked)) {
						return true;
					}
					if (this.gaveUp) {
						return false;
					}
				}
			}
			return false;
		}

		private boolean candidate(long[] domains) {
			int[] scenario = new int[domains.length];
			for (int c = 0; c < domains.length; c++) {
				scenario[c] = ((domains[c] & (1L << defaultValue[c])) != 0) ? defaultValue[c]
						: Long.numberOfTrailingZeros(domains[c]);
			}
			this.candidates++;
			try {
				if (this.target.test(evaluate(valuesOf(scenario)))) {
					this.found = scenario;
					return true;
				}
			}
			catch (UnsettledEvaluationException ex) {
				this.unsettled++;
			}
			return false;
		}

	}

	/**
	 * A firing rule's conclusions hold: a line of reasoning that needs one of them absent (through a negation) cannot
	 * make the rule fire.
	 */
	private static Set<String> ownConclusions(RuleDef rule) {
		return Set.copyOf(rule.produces());
	}

	private long mask(Premise p) {
		int c = this.conditionIndex.get(p.id());
		List<String> values = this.conditions.get(c).valueIds();
		long accepted = 0;
		for (String v : p.acceptedValues()) {
			int i = values.indexOf(v);
			if (i >= 0) {
				accepted |= 1L << i;
			}
		}
		return p.negated() ? (~accepted & this.fullMasks[c]) : accepted;
	}

	private static Set<String> plus(Set<String> set, String id) {
		Set<String> copy = new HashSet<>(set);
		copy.add(id);
		return copy;
	}

	/**
	 * Resets each changed condition to its default where the target still holds, so that a witness shows only what
	 * it needs. The result is confirmed: the target holds on exactly the scenario returned.
	 */
	private Witness minimise(int[] scenario, Predicate<Evaluation> target) {
		return minimiseWhere(scenario, (values) -> {
			try {
				return target.test(evaluate(values));
			}
			catch (UnsettledEvaluationException ex) {
				return false;
			}
		});
	}

	/**
	 * The minimised witness of what the sweep saw, after running {@link RuleBase#evaluate} on the scenario itself:
	 * the sweep skips the explanation, so its finding counts only once the full evaluation agrees.
	 */
	private Witness confirmed(int[] scenario, Predicate<Evaluation> target) {
		try {
			if (!target.test(evaluate(valuesOf(scenario)))) {
				return null;
			}
		}
		catch (UnsettledEvaluationException ex) {
			return null;
		}
		return minimise(scenario, target);
	}

	private Witness minimiseWhere(int[] scenario, Predicate<Map<String, String>> holds) {
		int[] current = scenario.clone();
		for (int c = 0; c < current.length; c++) {
			if (current[c] != this.defaultValue[c]) {
				int[] trial = current.clone();
				trial[c] = this.defaultValue[c];
				if (holds.test(valuesOf(trial))) {
					current = trial;
				}
			}
		}
		return witness(current);
	}

	private boolean neverSettles(Map<String, String> values) {
		try {
			evaluate(values);
			return false;
		}
		catch (UnsettledEvaluationException ex) {
			return true;
		}
	}

	private Witness witness(int[] scenario) {
		Map<String, String> values = valuesOf(scenario);
		Map<String, String> changes = new LinkedHashMap<>();
		for (int c = 0; c < scenario.length; c++) {
			if (scenario[c] != this.defaultValue[c]) {
				ConditionDef def = this.conditions.get(c);
				changes.put(def.id(), def.valueIds().get(scenario[c]));
			}
		}
		return new Witness(Collections.unmodifiableMap(values), Collections.unmodifiableMap(changes));
	}

	private Map<String, String> valuesOf(int[] scenario) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int c = 0; c < scenario.length; c++) {
			ConditionDef def = this.conditions.get(c);
			values.put(def.id(), def.valueIds().get(scenario[c]));
		}
		return values;
	}

	private Evaluation evaluate(Map<String, String> values) {
		this.evaluations.incrementAndGet();
		return this.ruleBase.evaluate(values);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Why a rule cannot fire

	/**
	 * Conclusions some rule could produce if conditions could be chosen freely for each rule on its own: the least
	 * fixpoint over rules whose own condition premises are consistent. Negated premises are ignored here, so a
	 * conclusion outside this set cannot hold in any scenario.
	 */
	private Set<String> derivable() {
		Set<String> derivable = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (RuleDef rule : this.pack.rules()) {
				if (selfContradiction(rule) == null && rule.premises().stream()
					.filter((p) -> !p.isCondition() && !p.negated()).allMatch((p) -> derivable.contains(p.id()))) {
					grew |= derivable.addAll(rule.produces());
				}
			}
		}
		return derivable;
	}

	/** Why a rule's own premises cannot all hold, or {@code null} when they can. */
	private String selfContradiction(RuleDef rule) {
		Map<String, Long> masks = new LinkedHashMap<>();
		Map<String, List<Premise>> byCondition = new LinkedHashMap<>();
		for (Premise p : rule.premises()) {
			if (p.isCondition()) {
				masks.merge(p.id(), mask(p), (a, b) -> a & b);
				byCondition.computeIfAbsent(p.id(), (k) -> new ArrayList<>()).add(p);
			}
			else if (!p.negated() && rule.premises().stream()
				.anyMatch((q) -> !q.isCondition() && q.negated() && q.id().equals(p.id()))) {
				return "it needs conclusion '" + p.id() + "' both to hold and not to hold";
			}
		}
		for (Map.Entry<String, Long> e : masks.entrySet()) {
			if (e.getValue() == 0) {
				List<String> tests = byCondition.get(e.getKey()).stream().map(Verifier::describe).toList();
				return "its premises contradict each other: condition '" + e.getKey() + "' cannot be "
						+ String.join(" and also ", tests);
			}
		}
		return null;
	}

	private String cannotFireReason(RuleDef rule, Set<String> derivable, List<Set<String>> components) {
		String self = selfContradiction(rule);
		if (self != null) {
			return self;
		}
		for (Premise p : rule.premises()) {
			if (p.isCondition() || p.negated() || derivable.contains(p.id())) {
				continue;
			}
			List<RuleDef> makers = this.pack.rulesProducing(p.id());
			if (makers.isEmpty()) {
				return "it needs conclusion '" + p.id() + "', which no rule produces";
			}
			for (Set<String> component : components) {
				if (component.contains(p.id()) && isCycle(component)) {
					List<String> loop = new ArrayList<>(cycleOrder(component));
					loop.add(loop.get(0));
					return "it needs conclusion '" + p.id() + "', which is produced only in a cycle: every rule that"
							+ " produces it depends on it in turn (" + String.join(" → ", loop) + ")";
				}
			}
			return "it needs conclusion '" + p.id() + "', which no rule can produce ("
					+ String.join(", ", makers.stream().map(RuleDef::id).toList()) + " cannot fire)";
		}
		// Each premise can be met on its own; together, with the premises of the rules they need, they cannot.
		Search probe = new Search((e) -> false);
		probe.solve(Goals.of(new Fire(rule, Set.copyOf(rule.produces()))), this.fullMasks.clone(), ownConclusions(rule),
				Set.of());
		String worst = probe.emptied.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
			.orElse(null);
		if (worst != null) {
			return "its premises, with those of the rules that produce what it needs, require condition '" + worst
					+ "' to take two different values in every derivation";
		}
		if (!probe.clashed.isEmpty()) {
			String ids = String.join("', '", probe.clashed);
			boolean own = rule.produces().stream().anyMatch(probe.clashed::contains);
			return "every way of meeting its premises needs '" + ids + "' both to hold and not to hold"
					+ (own ? ": through a negation, its premises depend on what it concludes" : "");
		}
		if (!probe.cycledOn.isEmpty()) {
			return "every derivation of its premises goes round in a cycle through '"
					+ String.join("', '", probe.cycledOn) + "'";
		}
		return "no combination of condition values meets its premises together with those of the rules it needs";
	}

	private static String describe(Premise p) {
		if (!p.isCondition()) {
			return (p.negated() ? "not " : "") + p.id();
		}
		String values = (p.acceptedValues().size() == 1) ? "'" + p.acceptedValues().get(0) + "'"
				: "one of " + p.acceptedValues();
		return (p.negated() ? "other than " : "") + values;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Cycles: the graph from each conclusion a rule reads to each conclusion it produces

	private Map<String, Set<String>> dependencyEdges() {
		Map<String, Set<String>> edges = new LinkedHashMap<>();
		for (RuleDef rule : this.pack.rules()) {
			for (Premise p : rule.premises()) {
				if (!p.isCondition()) {
					edges.computeIfAbsent(p.id(), (k) -> new LinkedHashSet<>()).addAll(rule.produces());
				}
			}
		}
		return edges;
	}

	/** Tarjan's strongly connected components of the dependency graph, iteratively (packs can chain deep). */
	private List<Set<String>> stronglyConnected() {
		Map<String, Set<String>> edges = dependencyEdges();
		List<String> nodes = this.pack.conclusions().stream().map(ConclusionDef::id).toList();
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		Set<String> onStack = new HashSet<>();
		List<Set<String>> components = new ArrayList<>();
		int[] counter = { 0 };
		for (String root : nodes) {
			if (index.containsKey(root)) {
				continue;
			}
			Deque<Object[]> work = new ArrayDeque<>();
			work.push(new Object[] { root, new ArrayList<>(edges.getOrDefault(root, Set.of())).iterator() });
			index.put(root, counter[0]);
			low.put(root, counter[0]++);
			stack.push(root);
			onStack.add(root);
			while (!work.isEmpty()) {
				Object[] frame = work.peek();
				String v = (String) frame[0];
				@SuppressWarnings("unchecked")
				java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
				if (it.hasNext()) {
					String w = it.next();
					if (!index.containsKey(w)) {
						index.put(w, counter[0]);
						low.put(w, counter[0]++);
						stack.push(w);
						onStack.add(w);
						work.push(new Object[] { w, new ArrayList<>(edges.getOrDefault(w, Set.of())).iterator() });
					}
					else if (onStack.contains(w)) {
						low.put(v, Math.min(low.get(v), index.get(w)));
					}
				}
				else {
					work.pop();
					if (!work.isEmpty()) {
						String parent = (String) work.peek()[0];
						low.put(parent, Math.min(low.get(parent), low.get(v)));
					}
					if (low.get(v).equals(index.get(v))) {
						Set<String> component = new LinkedHashSet<>();
						String w;
						do {
							w = stack.pop();
							onStack.remove(w);
							component.add(w);
						}
						while (!w.equals(v));
						components.add(component);
					}
				}
			}
		}
		return components;
	}

	private boolean isCycle(Set<String> component) {
		if (component.size() > 1) {
			return true;
		}
		String only = component.iterator().next();
		return dependencyEdges().getOrDefault(only, Set.of()).contains(only);
	}

	/** The members of a component in the order of one circle through them, starting from the first in the pack. */
	private List<String> cycleOrder(Set<String> component) {
		Map<String, Set<String>> edges = dependencyEdges();
		List<String> catalogue = this.pack.conclusions().stream().map(ConclusionDef::id).filter(component::contains)
			.toList();
		String start = catalogue.get(0);
		// Breadth-first from the start back to itself, within the component: the shortest circle through it.
		Map<String, String> previous = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		String closing = null;
		while (!queue.isEmpty() && closing == null) {
			String v = queue.poll();
			for (String w : edges.getOrDefault(v, Set.of())) {
				if (w.equals(start)) {
					closing = v;
					break;
				}
				if (component.contains(w) && !previous.containsKey(w)) {
					previous.put(w, v);
					queue.add(w);
				}
			}
		}
		List<String> order = new ArrayList<>();
		for (String v = closing; v != null && !v.equals(start); v = previous.get(v)) {
			order.add(0, v);
		}
		order.add(0, start);
		catalogue.stream().filter((id) -> !order.contains(id)).forEach(order::add);
		return order;
	}

	private List<Cycle> cycles(List<Set<String>> components) {
		List<Cycle> cycles = new ArrayList<>();
		for (Set<String> component : components) {
			if (!isCycle(component)) {
				continue;
			}
			List<String> rules = new ArrayList<>();
			boolean negation = false;
			for (RuleDef rule : this.pack.rules()) {
				List<Premise> inside = rule.premises().stream()
					.filter((p) -> !p.isCondition() && component.contains(p.id())).toList();
				if (!inside.isEmpty() && rule.produces().stream().anyMatch(component::contains)) {
					rules.add(rule.id());
					negation |= inside.stream().anyMatch(Premise::negated);
				}
			}
			cycles.add(new Cycle(cycleOrder(component), rules, negation));
		}
		cycles.sort(Comparator.comparing((Cycle c) -> c.conclusions().get(0)));
		return cycles;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Unused catalogue entries

	private List<UnusedEntry> unusedConditions(Set<String> firing) {
		List<UnusedEntry> unused = new ArrayList<>();
		for (ConditionDef c : this.conditions) {
			List<String> readers = this.pack.rulesReading(c.id()).stream()
				.map(RuleDef::id).toList();
			String reason = usage("read", readers, firing);
			if (reason != null) {
				unused.add(new UnusedEntry(c.id(), c.question(), reason));
			}
		}
		return unused;
	}

	private List<UnusedEntry> unproducedConclusions(Set<String> firing) {
		List<UnusedEntry> unused = new ArrayList<>();
		for (ConclusionDef c : this.pack.conclusions()) {
			List<String> makers = this.pack.rulesProducing(c.id()).stream().map(RuleDef::id).toList();
			String reason = usage("produced", makers, firing);
			if (reason != null) {
				unused.add(new UnusedEntry(c.id(), c.title(), reason));
			}
		}
		return unused;
	}

	/** Effects that can hold, but that no rule which can fire goes on to read: users never see them. */
	private List<UnusedEntry> unreadEffects(Set<String> firing) {
		List<UnusedEntry> unused = new ArrayList<>();
		for (ConclusionDef c : this.pack.conclusions()) {
			boolean canHold = this.pack.rulesProducing(c.id()).stream()
				.anyMatch((r) -> firing.contains(r.id()));
			if (c.kind() != ConclusionKind.EFFECT || !canHold) {
				continue;
			}
			List<String> readers = this.pack.rulesReading(c.id()).stream()
				.map(RuleDef::id).toList();
			String reason = usage("read", readers, firing);
			if (reason != null) {
				unused.add(new UnusedEntry(c.id(), c.title(), reason + ", and effects are not shown to users"));
			}
		}
		return unused;
	}

	private static String usage(String verb, List<String> rules, Set<String> firing) {
		if (rules.isEmpty()) {
			return verb + " by no rule";
		}
		if (rules.stream().noneMatch(firing::contains)) {
			return verb + " only by " + String.join(", ", rules) + ", which " + ((rules.size() == 1) ? "has" : "have")
					+ " no witness";
		}
		return null;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Coverage by the pack's scenario files

	private Coverage coverage() {
		List<Scenario> scenarios = this.pack.scenarios();
		Map<String, List<String>> firedBy = new LinkedHashMap<>();
		Map<String, boolean[]> exercised = new HashMap<>();
		Map<String, boolean[]> mattered = new HashMap<>();
		for (RuleDef rule : this.pack.rules()) {
			firedBy.put(rule.id(), new ArrayList<>());
			exercised.put(rule.id(), new boolean[rule.premises().size()]);
			mattered.put(rule.id(), new boolean[rule.premises().size()]);
		}
		for (Scenario scenario : scenarios) {
			Map<String, String> values = this.pack.conditionsOf(scenario);
			Evaluation evaluation;
			try {
				evaluation = evaluate(values);
			}
			catch (UnsettledEvaluationException ex) {
				continue;
			}
			Set<String> concluded = new HashSet<>();
			evaluation.findings().forEach((f) -> concluded.add(f.conclusionId()));
			Set<String> fired = new HashSet<>(evaluation.firedRules());
			for (RuleDef rule : this.pack.rules()) {
				List<Premise> premises = rule.premises();
				boolean[] met = new boolean[premises.size()];
				int unmet = 0;
				for (int i = 0; i < met.length; i++) {
					met[i] = premises.get(i).holds(values, concluded);
					unmet += met[i] ? 0 : 1;
				}
				if (fired.contains(rule.id())) {
					firedBy.get(rule.id()).add(scenario.id());
					for (int i = 0; i < met.length; i++) {
						exercised.get(rule.id())[i] |= met[i];
					}
				}
				else if (unmet == 1) {
					for (int i = 0; i < met.length; i++) {
						mattered.get(rule.id())[i] |= !met[i];
					}
				}
			}
		}
		List<RuleCoverage> rules = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			List<PremiseCoverage> premises = new ArrayList<>();
			for (int i = 0; i < rule.premises().size(); i++) {
				premises.add(new PremiseCoverage(premiseText(rule.premises().get(i)), exercised.get(rule.id())[i],
						mattered.get(rule.id())[i]));
			}
			rules.add(new RuleCoverage(rule.id(), firedBy.get(rule.id()), premises));
		}
		rules.sort((x, y) -> ClaimsMatrix.compareIds(x.ruleId(), y.ruleId()));
		return new Coverage(scenarios.stream().map(Scenario::id).toList(), rules);
	}

	private static String premiseText(Premise p) {
		if (!p.isCondition()) {
			return (p.negated() ? "not " : "") + p.id();
		}
		String values = (p.acceptedValues().size() == 1) ? p.acceptedValues().get(0)
				: "(" + String.join(", ", p.acceptedValues()) + ")";
		boolean single = p.acceptedValues().size() == 1;
		return p.id() + (single ? (p.negated() ? " != " : " = ") : (p.negated() ? " not in " : " in ")) + values;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// The sweep

	/** The scenarios of the sweep, by index, so that any thread can make any of them and the report is repeatable. */
	private interface Source {

		long count();

		int[] scenario(long index);

		String mode();

		long pairwise();

		long random();

	}

	/** Every combination, counted in mixed radix over the conditions' values. */
	private final class Exhaustive implements Source {

		private final long count;

		Exhaustive(long count) {
			this.count = count;
		}

		@Override
		public long count() {
			return this.count;
		}

		@Override
		public int[] scenario(long index) {
			int[] scenario = new int[conditions.size()];
			long rest = index;
			for (int c = scenario.length - 1; c >= 0; c--) {
				int radix = conditions.get(c).values().size();
				scenario[c] = (int) (rest % radix);
				rest /= radix;
			}
			return scenario;
		}

		@Override
		public String mode() {
			return "exhaustive";
		}

		@Override
		public long pairwise() {
			return 0;
		}

		@Override
		public long random() {
			return 0;
		}

	}

	/**
	 * Every pair of values of two different conditions, each set over the defaults (which covers every single
	 * change too), without repeats; then random scenarios, each drawn from its own index so that they do not depend
	 * on which thread makes them.
	 */
	private final class PairwiseAndRandom implements Source {

		private final List<int[]> pairs = new ArrayList<>();

		private final int random;

		PairwiseAndRandom(int random) {
			this.random = random;
			Set<List<Integer>> seen = new HashSet<>();
			int n = conditions.size();
			add(defaultValue.clone(), seen);
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					for (int v = 0; v < conditions.get(i).values().size(); v++) {
						for (int w = 0; w < conditions.get(j).values().size(); w++) {
							int[] s = defaultValue.clone();
							s[i] = v;
							s[j] = w;
							add(s, seen);
						}
					}
				}
			}
		}

		private void add(int[] scenario, Set<List<Integer>> seen) {
			if (seen.add(Arrays.stream(scenario).boxed().toList())) {
				this.pairs.add(scenario);
			}
		}

		@Override
		public long count() {
			return this.pairs.size() + (long) this.random;
		}

		@Override
		public int[] scenario(long index) {
			if (index < this.pairs.size()) {
				return this.pairs.get((int) index).clone();
			}
			SplittableRandom rnd = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + index);
			int[] scenario = new int[conditions.size()];
			for (int c = 0; c < scenario.length; c++) {
				scenario[c] = rnd.nextInt(conditions.get(c).values().size());
			}
			return scenario;
		}

		@Override
		public String mode() {
			return "pairwise + random";
		}

		@Override
		public long pairwise() {
			return this.pairs.size();
		}

		@Override
		public long random() {
			return this.random;
		}

	}

	/**
	 * What the sweep saw. Per conflict and per rule, the lowest index of a scenario in which it held or fired:
	 * lowest, not first in time, so that the witness does not depend on how the threads were scheduled.
	 */
	private record Sweep(Source source, BigInteger space, AtomicLongArray firstConflict,
			Map<String, Long> firstFiring, AtomicLong unsettled, AtomicLong firstUnsettled, long millis) {
	}

	private record Timed(long nanos) {
	}

	private Sweep sweep(List<PackDescriptor.Conflict> conflicts, List<Timed> timed) {
		BigInteger space = BigInteger.ONE;
		for (ConditionDef c : this.conditions) {
			space = space.multiply(BigInteger.valueOf(c.values().size()));
		}
		Source source = (space.compareTo(BigInteger.valueOf(this.settings.exhaustiveLimit())) <= 0)
				? new Exhaustive(space.longValueExact()) : new PairwiseAndRandom(this.settings.randomScenarios());
		List<RuleDef> rules = this.pack.rules();
		AtomicLongArray firstConflict = new AtomicLongArray(conflicts.size());
		AtomicLongArray firstFiring = new AtomicLongArray(rules.size());
		for (int i = 0; i < conflicts.size(); i++) {
			firstConflict.set(i, Long.MAX_VALUE);
		}
		for (int i = 0; i < rules.size(); i++) {
			firstFiring.set(i, Long.MAX_VALUE);
		}
		AtomicLong unsettled = new AtomicLong();
		AtomicLong firstUnsettled = new AtomicLong(Long.MAX_VALUE);

		// The single-evaluation figure: one thread, nothing else running, on scenarios of the sweep itself.
		for (int i = 0; i < Math.min(TIMED_EVALUATIONS, source.count()); i++) {
			Map<String, String> values = valuesOf(source.scenario(i * Math.max(1, source.count() / TIMED_EVALUATIONS)));
			long t = System.nanoTime();
			try {
				evaluate(values);
			}
			catch (UnsettledEvaluationException ex) {
				// Timed all the same: it is an evaluation.
			}
			timed.add(new Timed(System.nanoTime() - t));
		}

		AtomicLong next = new AtomicLong();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.threads(), (r) -> {
			Thread t = new Thread(r, "verifier-sweep");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < this.settings.threads(); w++) {
				workers.add(pool.submit(() -> {
					long from;
					while ((from = next.getAndAdd(SWEEP_CHUNK)) < source.count()) {
						long to = Math.min(from + SWEEP_CHUNK, source.count());
						for (long index = from; index < to; index++) {
							sweepOne(source, index, conflicts, firstConflict, firstFiring, unsettled, firstUnsettled);
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("verification interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("verification failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		Map<String, Long> firings = new HashMap<>();
		for (int i = 0; i < rules.size(); i++) {
			firings.put(rules.get(i).id(), firstFiring.get(i));
		}
		return new Sweep(source, space, firstConflict, firings, unsettled, firstUnsettled, millis);
	}

	/**
	 * Runs one scenario of the sweep through the rules without the explanation, which the sweep does not need; what
	 * it finds is confirmed with {@link RuleBase#evaluate} when the witness is made.
	 */
	private void sweepOne(Source source, long index, List<PackDescriptor.Conflict> conflicts,
			AtomicLongArray firstConflict, AtomicLongArray firstFiring, AtomicLong unsettled,
			AtomicLong firstUnsettled) {
		Map<String, String> values = valuesOf(source.scenario(index));
		Set<String> holding;
		try {
			this.evaluations.incrementAndGet();
			holding = this.ruleBase.conclusions(values);
		}
		catch (UnsettledEvaluationException ex) {
			unsettled.incrementAndGet();
			firstUnsettled.accumulateAndGet(index, Math::min);
			return;
		}
		for (int k = 0; k < conflicts.size(); k++) {
			PackDescriptor.Conflict c = conflicts.get(k);
			if (holding.contains(c.a()) && holding.contains(c.b()) && index < firstConflict.get(k)) {
				firstConflict.accumulateAndGet(k, index, Math::min);
			}
		}
		// In a settled state the rules that fired are those whose premises all hold: the engine leaves none pending.
		List<RuleDef> rules = this.pack.rules();
		for (int r = 0; r < rules.size(); r++) {
			if (index < firstFiring.get(r) && allHold(rules.get(r), values, holding)) {
				firstFiring.accumulateAndGet(r, index, Math::min);
			}
		}
	}

	private static boolean allHold(RuleDef rule, Map<String, String> values, Set<String> holding) {
		for (Premise p : rule.premises()) {
			if (!p.holds(values, holding)) {
				return false;
			}
		}
		return true;
	}

	private static double median(List<Timed> timed) {
		if (timed.isEmpty()) {
			return 0;
		}
		long[] nanos = timed.stream().mapToLong(Timed::nanos).sorted().toArray();
		return nanos[nanos.length / 2] / 1000.0;
	}

	private static String spaceInWords(BigInteger space) {
		if (space.bitLength() < 40) {
			return String.format("%,d", space);
		}
		String digits = space.toString();
		return String.format("about %s.%s × 10^%d", digits.charAt(0), digits.substring(1, 2), digits.length() - 1);
	}

}
