package org.policyadvisor.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

/**
 * The requests the benchmarks send, by index, as raw HTTP/1.1 bytes for {@link LoadGenerator}: the scenario files
 * (cache hits once seen) and random scenarios (a new one for every index, so cache misses).
 */
final class BenchRequests {

	private final RulePack pack;

	private final String host;

	BenchRequests(RulePack pack, String host) {
		this.pack = pack;
		this.host = host;
	}

	LongFunction<byte[]> ping() {
		byte[] request = LoadGenerator.get(this.host, "/api/ping");
		return (i) -> request;
	}

	/** The form page, {@code GET /}. */
	LongFunction<byte[]> form() {
		byte[] request = LoadGenerator.get(this.host, "/");
		return (i) -> request;
	}

	LongFunction<byte[]> evaluatePresets() {
		List<byte[]> requests = this.pack.scenarios().stream()
			.map((s) -> LoadGenerator.postJson(this.host, "/api/evaluate", "{\"scenario\":\"" + s.id() + "\"}"))
			.toList();
		return (i) -> requests.get((int) (i % requests.size()));
	}

	LongFunction<byte[]> advicePresets() {
		List<byte[]> requests = this.pack.scenarios().stream().map(Scenario::id)
			.map((id) -> LoadGenerator.get(this.host, "/advice?scenario=" + id))
			.toList();
		return (i) -> requests.get((int) (i % requests.size()));
	}

	/** A new random scenario for every request index: no two requests of a run share a cache entry. */
	LongFunction<byte[]> evaluateRandom(long seed) {
		return (i) -> {
			StringBuilder json = new StringBuilder("{\"conditions\":{");
			randomScenario(seed, i).forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
			json.setLength(json.length() - 1);
			return LoadGenerator.postJson(this.host, "/api/evaluate", json.append("}}").toString());
		};
	}

	LongFunction<byte[]> adviceRandom(long seed) {
		return (i) -> {
			StringBuilder query = new StringBuilder("/advice?");
			randomScenario(seed, i).forEach((k, v) -> query.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
			query.setLength(query.length() - 1);
			return LoadGenerator.get(this.host, query.toString());
		};
	}

	private Map<String, String> randomScenario(long seed, long index) {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
		Map<String, String> values = new LinkedHashMap<>();
		for (ConditionDef c : this.pack.conditions()) {
			values.put(c.id(), c.valueIds().get(random.nextInt(c.values().size())));
		}
		return values;
	}

}
