package org.policyadvisor.engine;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Evaluations are a pure function of the rule base and the conditions, so their results are kept and served again:
 * repeated scenarios, the what-if analysis and the audit then do not fire the rules again. Two bounded caches share
 * one key, (rule base version, conditions): the outcome of running the rules (which conclusions hold, a few hundred
 * bytes), and the explained {@link Evaluation} (some kilobytes), which only {@link RuleBase#evaluate} needs and which
 * is kept from the second time its scenario is asked for. One cache may serve several rule bases: the version in the
 * key keeps their entries apart.
 * <p>
 * Caffeine's admission policy keeps frequently asked scenarios when a sweep of one-off scenarios passes through.
 */
public final class EvaluationCache {

	private static final EvaluationCache DISABLED = new EvaluationCache(null, null);

	private final Cache<Key, Outcome> outcomes;

	private final Cache<Key, Evaluation> explanations;

	private EvaluationCache(Cache<Key, Outcome> outcomes, Cache<Key, Evaluation> explanations) {
		this.outcomes = outcomes;
		this.explanations = explanations;
	}

	/** No caching: every call runs the rules. */
	public static EvaluationCache disabled() {
		return DISABLED;
	}

	/**
	 * @param maxOutcomes how many outcomes (conclusions that hold) to keep
	 * @param maxExplanations how many explained evaluations to keep
	 */
	public static EvaluationCache bounded(long maxOutcomes, long maxExplanations) {
		return new EvaluationCache(Caffeine.newBuilder().maximumSize(maxOutcomes).recordStats().build(),
				Caffeine.newBuilder().maximumSize(maxExplanations).recordStats().build());
	}

	public boolean enabled() {
		return this.outcomes != null;
	}

	Outcome outcome(Key key, Supplier<Outcome> run) {
		return (this.outcomes != null) ? this.outcomes.get(key, (k) -> run.get()) : run.get();
	}

	/**
	 * The explained evaluation for a key. An explanation is kept only when its scenario comes a second time (its
	 * outcome is already here): most scenarios of a sweep or of random use come once, and keeping each one's
	 * kilobytes until it is evicted would only make the collector copy them into the old generation and out again.
	 */
	Evaluation evaluation(Key key, Supplier<Outcome> run, Function<Outcome, Evaluation> explain) {
		if (this.outcomes == null) {
			Outcome outcome = run.get();
			outcome.requireSettled();
			return explain.apply(outcome);
		}
		Evaluation kept = this.explanations.getIfPresent(key);
		if (kept != null) {
			return kept;
		}
		Outcome outcome = this.outcomes.getIfPresent(key);
		boolean again = outcome != null;
		if (outcome == null) {
			outcome = run.get();
			this.outcomes.put(key, outcome);
		}
		outcome.requireSettled();
		Evaluation evaluation = explain.apply(outcome);
		if (again) {
			Evaluation first = this.explanations.asMap().putIfAbsent(key, evaluation);
			return (first != null) ? first : evaluation;
		}
		return evaluation;
	}

	/** Hits, misses and size of both caches, for the log and the benchmarks; zeros when disabled. */
	public Stats stats() {
		if (this.outcomes == null) {
			return new Stats(0, 0, 0, 0, 0, 0);
		}
		this.outcomes.cleanUp();
		this.explanations.cleanUp();
		CacheStats o = this.outcomes.stats();
		CacheStats e = this.explanations.stats();
		return new Stats(o.hitCount(), o.missCount(), this.outcomes.estimatedSize(), e.hitCount(), e.missCount(),
				this.explanations.estimatedSize());
	}

	/** Drops every entry (the benchmarks measure cold and warm in one run). */
	public void clear() {
		if (this.outcomes != null) {
			this.outcomes.invalidateAll();
			this.explanations.invalidateAll();
		}
	}

	public record Stats(long outcomeHits, long outcomeMisses, long outcomes, long explanationHits,
			long explanationMisses, long explanations) {
	}

	/** A rule base's version and a complete scenario as value indexes (see {@link PackIndex#encode}). */
	static final class Key {

		private final long version;

		private final byte[] codes;

		private final int hash;

		Key(long version, byte[] codes) {
			this.version = version;
			this.codes = codes;
			this.hash = 31 * Long.hashCode(version) + Arrays.hashCode(codes);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key other && other.version == this.version && Arrays.equals(other.codes, this.codes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/**
	 * What running the rules gave: the conclusions that hold (bits in catalogue order) and the firings it took, or
	 * why the rules did not settle.
	 */
	record Outcome(long[] concluded, int firings, String unsettled) {

		void requireSettled() {
			if (this.unsettled != null) {
				throw new UnsettledEvaluationException(this.unsettled);
			}
		}

	}

}
