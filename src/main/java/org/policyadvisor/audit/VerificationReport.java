package org.policyadvisor.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the {@link Verifier} found in a rule pack: whether and how each rule can fire, catalogue entries nothing
 * uses, cycles between conclusions, declared conflicts that can hold together, and what the pack's scenario files
 * exercise. A pure function of the rule base, apart from the timings.
 *
 * @param rules every rule, in pack order, with a witness or the reason it cannot fire
 * @param unusedConditions conditions no rule that can fire reads
 * @param unproducedConclusions conclusions no rule that can fire produces
 * @param unreadEffects effects that can hold but that no rule that can fire reads; effects are not shown to users,
 * so nobody sees them (risks, recommendations and disputed beliefs are shown, and count as used)
 * @param cycles groups of conclusions that depend on each other through rules
 * @param conflicts each declared pair of contradictory conclusions, with a scenario in which both hold if one was found
 * @param unsettled scenarios of the search in which the rules never settle (truth maintenance keeps withdrawing and
 * re-asserting a conclusion), with the first one found
 * @param coverage what the pack's scenario files exercise; informational, not a finding
 * @param search how the scenario space was searched, and how long it took
 */
public record VerificationReport(String pack, String packVersion, Instant computedAt, int conditionCount,
		int conclusionCount, List<RuleCheck> rules, List<UnusedEntry> unusedConditions,
		List<UnusedEntry> unproducedConclusions, List<UnusedEntry> unreadEffects, List<Cycle> cycles,
		List<ConflictCheck> conflicts, Unsettled unsettled, Coverage coverage, Search search) {

	public VerificationReport {
		rules = List.copyOf(rules);
		unusedConditions = List.copyOf(unusedConditions);
		unproducedConclusions = List.copyOf(unproducedConclusions);
		unreadEffects = List.copyOf(unreadEffects);
		cycles = List.copyOf(cycles);
		conflicts = List.copyOf(conflicts);
	}

	/** Whether a rule was seen to fire, shown unable to, or neither within the search's limits. */
	public enum Reach {

		/** A witness scenario was found and the engine, run on it, fired the rule. */
		FIRES,
		/** The search over the rules' premises proved that no scenario makes it fire. */
		CANNOT_FIRE,
		/** The search ran out of alternatives it could check, or its candidates did not fire when run. */
		UNDECIDED

	}

	/**
	 * A concrete scenario: every condition of the pack with a value, and the ones that differ from the early-2019
	 * defaults, which are what a reader needs to see and what the advice link carries.
	 */
	public record Witness(Map<String, String> conditions, Map<String, String> changes) {

		/** The query string of the result page for this scenario; omitted conditions take their defaults there. */
		@JsonProperty
		public String query() {
			return this.changes.entrySet().stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
		}

		/** The result page for this scenario, relative to the application. */
		public String advicePath() {
			return this.changes.isEmpty() ? "/advice" : "/advice?" + query();
		}

		/** The changes in words, for the command line: {@code oil_price=low, deportation_threat=true}. */
		public String describe() {
			return this.changes.isEmpty() ? "the early-2019 defaults"
					: this.changes.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining(", "));
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

	/**
	 * One rule. {@code foundBy} says which part of the search found the witness ("backward search" from its
	 * premises, or "sweep"); {@code reason} says why there is none.
	 */
	public record RuleCheck(String ruleId, String claim, String location, Reach reach, Witness witness, String foundBy,
			String reason) {

		public boolean fires() {
			return this.reach == Reach.FIRES;
		}

	}

	/** A catalogue entry nothing uses, and why: no rule refers to it, or only rules that cannot fire do. */
	public record UnusedEntry(String id, String title, String reason) {
	}

	/**
	 * Conclusions that depend on each other in a circle, in the order of one such circle, and the rules on it.
	 * {@code throughNegation}: some rule on it reads a conclusion with {@code not}, so the rules may never settle.
	 */
	public record Cycle(List<String> conclusions, List<String> rules, boolean throughNegation) {

		public String path() {
			List<String> loop = new ArrayList<>(this.conclusions);
			loop.add(this.conclusions.get(0));
			return String.join(" → ", loop);
		}

	}

	/**
	 * A declared conflict, and the scenario in which both conclusions hold if the search found one.
	 * {@code ruledOut}: the backward search showed that every way of deriving one excludes the other, which holds
	 * for every scenario, not only those the sweep evaluated.
	 */
	public record ConflictCheck(String a, String b, String reason, Witness witness, String foundBy,
			boolean ruledOut) {

		@JsonProperty
		public boolean found() {
			return this.witness != null;
		}

	}

	/** How many scenarios of the search never settled, and the first of them. */
	public record Unsettled(long scenarios, Witness first, String message) {
	}

	/**
	 * What the pack's scenario files exercise. A rule is exercised when it fires in at least one scenario; a premise
	 * when it is met in a scenario in which its rule fires, and shown to matter when some scenario meets all the
	 * rule's other premises but not this one, so that the rule does not fire there.
	 */
	public record Coverage(List<String> scenarios, List<RuleCoverage> rules) {

		public Coverage {
			scenarios = List.copyOf(scenarios);
			rules = List.copyOf(rules);
		}

		@JsonProperty
		public long rulesExercised() {
			return this.rules.stream().filter(RuleCoverage::exercised).count();
		}

		/** The share of rules some scenario fires, from 0 to 1. */
		@JsonProperty
		public double ruleShare() {
			return this.rules.isEmpty() ? 1 : (double) rulesExercised() / this.rules.size();
		}

		public long premises() {
			return this.rules.stream().mapToLong((r) -> r.premises().size()).sum();
		}

		public long premisesExercised() {
			return this.rules.stream().mapToLong(RuleCoverage::premisesExercised).sum();
		}

		public long premisesShownToMatter() {
			return this.rules.stream().mapToLong(RuleCoverage::premisesShownToMatter).sum();
		}

		/** The ids of the rules no scenario fires, in pack order. */
		@JsonProperty
		public List<String> rulesNoScenarioFires() {
			return this.rules.stream().filter((r) -> !r.exercised()).map(RuleCoverage::ruleId).toList();
		}

	}

	/** One rule's coverage: the scenarios that fire it, and each of its premises. */
	public record RuleCoverage(String ruleId, List<String> firedBy, List<PremiseCoverage> premises) {

		public RuleCoverage {
			firedBy = List.copyOf(firedBy);
			premises = List.copyOf(premises);
		}

		public boolean exercised() {
			return !this.firedBy.isEmpty();
		}

		public long premisesExercised() {
			return this.premises.stream().filter(PremiseCoverage::exercised).count();
		}

		public long premisesShownToMatter() {
			return this.premises.stream().filter(PremiseCoverage::shownToMatter).count();
		}

	}

	/** A premise as written ({@code oil_price in [low]}, {@code not risk_x}) and what the scenarios do with it. */
	public record PremiseCoverage(String premise, boolean exercised, boolean shownToMatter) {
	}

	/**
	 * How the search went. {@code mode} is "exhaustive" when every combination of condition values was evaluated,
	 * else "pairwise + random": every pair of condition values over the defaults, then seeded random scenarios.
	 *
	 * @param spaceSize the number of combinations of condition values, in words when it is large
	 * @param sweepScenarios the scenarios the sweep evaluated
	 * @param evaluations every evaluation the verification ran: sweep, backward search, confirmation, coverage
	 * @param sweepMillis wall-clock time of the sweep
	 * @param totalMillis wall-clock time of the whole verification
	 * @param evaluationsPerSecondPerCore the sweep's throughput, divided by the threads it ran on
	 * @param singleEvaluationMicros median time of one evaluation, run alone on one thread
	 */
	public record Search(String mode, String spaceSize, long exhaustiveLimit, long pairwiseScenarios,
			long randomScenarios, long seed, int threads, long sweepScenarios, long evaluations, long sweepMillis,
			long totalMillis, double evaluationsPerSecondPerCore, double singleEvaluationMicros) {
	}

	public List<RuleCheck> rulesThatCannotFire() {
		return this.rules.stream().filter((r) -> !r.fires()).toList();
	}

	public List<ConflictCheck> conflictsFound() {
		return this.conflicts.stream().filter(ConflictCheck::found).toList();
	}

	@JsonProperty
	public long rulesThatFire() {
		return this.rules.stream().filter(RuleCheck::fires).count();
	}

	/**
	 * How many problems the verification found: rules without a witness, unused entries, cycles, conflicts that
	 * can hold, and whether any scenario never settles. Coverage gaps are not problems of the rules.
	 */
	@JsonProperty
	public int findingCount() {
		return rulesThatCannotFire().size() + this.unusedConditions.size() + this.unproducedConclusions.size()
				+ this.unreadEffects.size() + this.cycles.size() + conflictsFound().size()
				+ ((this.unsettled != null) ? 1 : 0);
	}

	/** Every rule can fire and nothing else was found: the state a shipped pack must be in. */
	@JsonProperty
	public boolean clean() {
		return findingCount() == 0;
	}

}
