package org.policyadvisor.whatif;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConclusionDef;

/**
 * What would have to change in a set of conditions for each risk and recommendation to appear or disappear, and
 * which conditions move the most conclusions: the outcome of {@link WhatIfAnalysis#analyse}.
 *
 * @param conditions every condition of the pack with the value analysed
 * @param holdingNow the ids of the conclusions that hold under {@code conditions}
 * @param risks every risk of the pack, in catalogue order
 * @param recommendations every recommendation of the pack, in catalogue order
 * @param ranking every condition, those whose best single change moves the most risks and recommendations first
 */
public record WhatIf(Map<String, String> conditions, Set<String> holdingNow, List<Outlook> risks,
		List<Outlook> recommendations, List<Leverage> ranking, Figures figures) {

	/** Pair suggestions listed per conclusion; the rest are counted. */
	public static final int PAIRS_LISTED = 5;

	/** One condition set to another of its values. */
	public record Change(String condition, String from, String to) {
	}

	/** One or two changes that, applied together, flip a conclusion. */
	public record Suggestion(List<Change> changes) {

		public Suggestion {
			changes = List.copyOf(changes);
		}

	}

	/**
	 * What flips one risk or recommendation: every single change that does, or when none does, the pairs that do
	 * (at most {@link #PAIRS_LISTED} listed, {@code found} of them in all).
	 *
	 * @param changesNeeded 1 or 2; 0 when no single change nor pair flips it
	 * @param cone how many conditions the conclusion depends on through its rules: the pairs searched are theirs
	 */
	public record Outlook(ConclusionDef conclusion, boolean holdsNow, int changesNeeded, List<Suggestion> suggestions,
			int found, int cone) {

		public Outlook {
			suggestions = List.copyOf(suggestions);
		}

		/** Suggestions found but not listed. */
		public int more() {
			return this.found - this.suggestions.size();
		}

	}

	/**
	 * What a single change of one condition moves.
	 *
	 * @param moved the risks and recommendations that appear or disappear
	 * @param effects the intermediate effects that appear or disappear
	 * @param settled {@code false} when the rules did not settle under this change; it then moves nothing here
	 */
	public record Option(String value, List<String> moved, List<String> effects, boolean settled) {

		public Option {
			moved = List.copyOf(moved);
			effects = List.copyOf(effects);
		}

	}

	/**
	 * A condition, ranked by its best single change: the one that moves the most risks and recommendations, then
	 * effects. {@code best} holds every value that does equally well, empty when no change moves anything.
	 */
	public record Leverage(String condition, String current, List<Option> options, List<Option> best) {

		public Leverage {
			options = List.copyOf(options);
			best = List.copyOf(best);
		}

		public int moved() {
			return this.best.isEmpty() ? 0 : this.best.get(0).moved().size();
		}

		public int effects() {
			return this.best.isEmpty() ? 0 : this.best.get(0).effects().size();
		}

	}

	/**
	 * The cost of the analysis.
	 *
	 * @param evaluations rule evaluations run, the conditions as given included; each changed scenario once
	 * @param singleChanges of them, single changes
	 * @param pairs of them, pairs of changes
	 * @param unsettled changed scenarios whose rules did not settle, left out of the analysis
	 * @param millis wall time of the analysis
	 */
	public record Figures(int evaluations, int singleChanges, int pairs, int unsettled, long millis) {
	}

	public List<Outlook> outlooks() {
		return java.util.stream.Stream.concat(this.risks.stream(), this.recommendations.stream()).toList();
	}

	public java.util.Optional<Outlook> outlook(String conclusionId) {
		return outlooks().stream().filter((o) -> o.conclusion().id().equals(conclusionId)).findFirst();
	}

}
