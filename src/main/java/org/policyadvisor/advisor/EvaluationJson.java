package org.policyadvisor.advisor;

import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON for an evaluation, written once and served again: building the response and writing its tens of
 * kilobytes costs more than a cached evaluation, so without this a cache hit would still cost most of an
 * evaluation. Keyed by the evaluation itself (the engine's cache hands out the same instance for the same
 * conditions) and the scenario the request named; bounded by size in bytes; kept from the second request on. Not
 * used when the engine does not cache, since every evaluation is then a new instance and nothing would be found
 * again.
 */
final class EvaluationJson {

	/** About 250 responses of the shipped pack (60 KB each): room for every preset scenario and many more. */
	static final long MAX_BYTES = 16L * 1024 * 1024;

	private final JsonMapper mapper;

	private final Cache<Key, byte[]> written;

	/**
	 * The evaluations met once, weakly: JSON is kept from the second time an evaluation is met, since only those
	 * the engine keeps come again, and keeping the JSON of every one-off evaluation would only churn the heap.
	 */
	private final Cache<Evaluation, Boolean> seen;

	EvaluationJson(JsonMapper mapper, boolean cache) {
		this.mapper = mapper;
		this.written = cache ? Caffeine.newBuilder().maximumWeight(MAX_BYTES)
			.<Key, byte[]>weigher((key, bytes) -> bytes.length).build() : null;
		// Weak keys compare by identity, as the key below does.
		this.seen = cache ? Caffeine.newBuilder().weakKeys().maximumSize(10_000).build() : null;
	}

	byte[] of(RulePack pack, Scenario scenario, Evaluation evaluation) {
		if (this.written == null) {
			return write(pack, scenario, evaluation);
		}
		Key key = new Key(evaluation, (scenario != null) ? scenario.id() : null);
		byte[] json = this.written.getIfPresent(key);
		if (json == null) {
			json = write(pack, scenario, evaluation);
			if (this.seen.asMap().putIfAbsent(evaluation, Boolean.TRUE) != null) {
				this.written.put(key, json);
			}
		}
		return json;
	}

	private byte[] write(RulePack pack, Scenario scenario, Evaluation evaluation) {
		return this.mapper.writeValueAsBytes(ApiModel.evaluation(pack, scenario, evaluation));
	}

	/** The same evaluation instance, not an equal one: equality would compare every finding. */
	private record Key(Evaluation evaluation, String scenario) {

		@Override
		public boolean equals(Object o) {
			return o instanceof Key other && other.evaluation == this.evaluation
					&& Objects.equals(other.scenario, this.scenario);
		}

		@Override
		public int hashCode() {
			return 31 * System.identityHashCode(this.evaluation) + Objects.hashCode(this.scenario);
		}

	}

}
