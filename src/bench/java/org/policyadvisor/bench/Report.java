package org.policyadvisor.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.policyadvisor.audit.VerificationReport;

/** The suite's figures, and docs/benchmarks.md written from them: targets first, then each section's tables. */
final class Report {

	record Timing(double median, double p99, long samples) {
	}

	/**
	 * One start of the application: milliseconds from launch to readiness, the first evaluation's own latency, from
	 * launch to the first evaluation served, the first result page's latency, RSS after that, and the log's
	 * breakdown (milliseconds).
	 */
	record Start(double ready, double firstEvaluation, double served, double firstPage, double rss,
			Map<String, Double> parts) {
	}

	record Http(String name, String endpoint, int connections, double throughput, double p50, double p99,
			long errors, double meanBytes) {
	}

	record Memory(double heapAfterWarmUp, double rssAfterWarmUp, double rssPeakUnderLoad, double heapAfterLoads) {
	}

	private record StartRow(String label, String jvm, String args, List<Start> starts) {
	}

	private record HttpServer(String label, String jvm, String args, List<Http> loads, Memory memory) {
	}

	private final boolean quick;

	private final String command;

	private Machine machine;

	private Duration duration;

	private double loadAtEnd;

	private double busyAtEnd;

	private Map<String, Timing> jmh;

	private long jsonBytes;

	private VerificationReport.Search sweepUncached;

	private VerificationReport.Search sweepCached;

	private final List<StartRow> starts = new ArrayList<>();

	private final List<HttpServer> servers = new ArrayList<>();

	Report(boolean quick, String command) {
		this.quick = quick;
		this.command = command;
	}

	void machine(Machine machine) {
		this.machine = machine;
	}

	void finish(Duration duration, double loadAtEnd, double busyAtEnd) {
		this.duration = duration;
		this.loadAtEnd = loadAtEnd;
		this.busyAtEnd = busyAtEnd;
	}

	void jmh(Map<String, Timing> timings, long jsonBytes) {
		this.jmh = timings;
		this.jsonBytes = jsonBytes;
	}

	void sweep(boolean cached, VerificationReport.Search search) {
		if (cached) {
			this.sweepCached = search;
		}
		else {
			this.sweepUncached = search;
		}
	}

	void startup(String label, String jvm, String args, List<Start> starts) {
		this.starts.add(new StartRow(label, jvm, args, starts));
	}

	void http(String label, String jvm, String args, List<Http> loads, Memory memory) {
		this.servers.add(new HttpServer(label, jvm, args, loads, memory));
	}

	// ---------------------------------------------------------------- Markdown

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmarks\n\n");
		md.append("Written by the benchmark suite (`src/bench/java`, `bench/`); run it again rather than editing this"
				+ " file:\n\n```sh\n").append(this.command).append("\n```\n\n");
		if (this.quick) {
			md.append("**A quick run** (`-Dbench.quick=true`): short measurements and one start per configuration."
					+ " The figures show the shape, not the values; the full run measures longer and takes medians."
					+ "\n\n");
		}
		md.append(String.format(Locale.ROOT, "- Date: %s; the run took %s.%n", LocalDate.now(), words(this.duration)));
		md.append("- Machine: ").append(this.machine.summary()).append(".\n");
		md.append(this.machine.busyLines(this.loadAtEnd, this.busyAtEnd));
		targets(md);
		jmhSection(md);
		sweepSection(md);
		startupSection(md);
		httpSection(md);
		md.append(CHANGES);
		return md.toString();
	}

	private void targets(StringBuilder md) {
		md.append("## Targets\n\n");
		md.append("| Target | Goal | Measured | Met |\n|---|---|---|---|\n");
		HttpServer shipped = this.servers.stream().filter((s) -> s.label().startsWith("After")).findFirst()
			.orElse(null);
		if (shipped != null) {
			Http ping64 = find(shipped, "ping", 64);
			for (String name : List.of("evaluatePresets", "evaluateRandom")) {
				Http eval = find(shipped, name, 64);
				if (ping64 != null && eval != null) {
					double ratio = eval.throughput() / ping64.throughput();
					row(md, "`POST /api/evaluate` throughput ÷ `GET /api/ping`, 64 connections, "
							+ (name.equals("evaluatePresets") ? "the scenario files (cache hits)"
									: "random scenarios (cache misses)"),
							"≥ 0.6", String.format(Locale.ROOT, "%.2f (%,.0f ÷ %,.0f requests/s)", ratio,
									eval.throughput(), ping64.throughput()),
							ratio >= 0.6);
					row(md, "`POST /api/evaluate` p99 and errors, 64 connections, " + (name.equals("evaluatePresets")
							? "scenario files" : "random scenarios"), "< 25 ms, 0 errors",
							String.format(Locale.ROOT, "%.1f ms, %d errors", eval.p99(), eval.errors()),
							eval.p99() < 25 && eval.errors() == 0);
				}
			}
			Http ping16 = find(shipped, "ping", 16);
			Http cached16 = find(shipped, "evaluatePresets", 16);
			if (ping16 != null && cached16 != null) {
				double ratio = cached16.p50() / ping16.p50();
				row(md, "Cached evaluation's latency ÷ the trivial endpoint's (p50, 16 connections)", "≤ 2",
						String.format(Locale.ROOT, "%.2f (%.2f ÷ %.2f ms)", ratio, cached16.p50(), ping16.p50()),
						ratio <= 2);
			}
		}
		if (this.jmh != null) {
			Timing empty = this.jmh.get("baselineEmptyRuleBase");
			for (String name : List.of("evaluateRandom", "evaluateFiles")) {
				Timing t = this.jmh.get(name);
				if (empty != null && t != null) {
					double ratio = t.median() / empty.median();
					row(md, "Uncached in-process evaluation ÷ empty rule base (median, "
							+ (name.equals("evaluateRandom") ? "random scenarios" : "scenario files") + ")", "≤ 10",
							String.format(Locale.ROOT, "%.1f (%.1f ÷ %.1f µs)", ratio, t.median(), empty.median()),
							ratio <= 10);
				}
			}
		}
		StartRow empty = this.starts.stream().filter((r) -> r.label().startsWith("Empty")).findFirst().orElse(null);
		StartRow launch = this.starts.stream().filter((r) -> r.label().startsWith("+ shipped JVM")).findFirst()
			.orElse(null);
		if (empty != null && launch != null) {
			double ours = median(launch.starts(), Start::served);
			double floor = median(empty.starts(), Start::served);
			row(md, "Start-up to the first served evaluation ÷ empty Spring Boot app (the README's launch)", "≤ 1.3",
					String.format(Locale.ROOT, "%.2f (%,.0f ÷ %,.0f ms)", ours / floor, ours, floor),
					ours / floor <= 1.3);
			double first = median(launch.starts(), Start::firstEvaluation);
			row(md, "First evaluation after start-up (a scenario not seen before)", "< 50 ms",
					String.format(Locale.ROOT, "%.1f ms", first), first < 50);
		}
		StartRow docker = this.starts.stream().filter((r) -> r.label().contains("AOT")).findFirst().orElse(null);
		if (empty != null && docker != null) {
			double ours = median(docker.starts(), Start::served);
			double floor = median(empty.starts(), Start::served);
			row(md, "The same, Docker image's launch (Java 25 + AOT cache) ÷ empty app on Java 17", "≤ 1.3",
					String.format(Locale.ROOT, "%.2f (%,.0f ÷ %,.0f ms)", ours / floor, ours, floor),
					ours / floor <= 1.3);
		}
		if (this.sweepUncached != null) {
			double rate = this.sweepUncached.evaluationsPerSecondPerCore();
			row(md, "Audit sweep without the cache, per core", "≥ 15,000 evaluations/s",
					String.format(Locale.ROOT, "%,.0f evaluations/s", rate), rate >= 15_000);
		}
		if (shipped != null) {
			row(md, "RSS after warm-up (the shipped launch)", "< 350 MB",
					String.format(Locale.ROOT, "%.0f MB", shipped.memory().rssAfterWarmUp()),
					shipped.memory().rssAfterWarmUp() < 350);
		}
		md.append('\n');
	}

	private static void row(StringBuilder md, String target, String goal, String measured, boolean met) {
		md.append("| ").append(target).append(" | ").append(goal).append(" | ").append(measured).append(" | ")
			.append(met ? "yes" : "**no**").append(" |\n");
	}

	private void jmhSection(StringBuilder md) {
		md.append("## One evaluation in process (JMH)\n\n");
		if (this.jmh == null) {
			md.append("Not measured in this run.\n\n");
			return;
		}
		md.append("`EngineBenchmarks` and `ResultBenchmarks`: one thread, sample mode, 1 fork; microseconds per"
				+ " call. *Before* is the evaluation as it was before this work (`LegacyEvaluation`, the same compiled"
				+ " rules); *after* is `RuleBase` now. Random scenarios give every condition a random value (seeded)."
				+ " The empty rule base has the pack's conditions and fact types but no rules: what any evaluation"
				+ " costs in Drools.\n\n");
		md.append("| Evaluation | Before: median / p99 | After: median / p99 | Before ÷ after | After ÷ empty rule base |\n");
		md.append("|---|---|---|---|---|\n");
		Timing empty = this.jmh.get("baselineEmptyRuleBase");
		jmhRow(md, "`evaluate`, the 14 scenario files, uncached", "legacyEvaluateFiles", "evaluateFiles", empty);
		jmhRow(md, "`evaluate`, random scenarios, uncached", "legacyEvaluateRandom", "evaluateRandom", empty);
		jmhRow(md, "`conclusions` (no explanation: the audit, what-if), random, uncached", "legacyConclusionsRandom",
				"conclusionsRandom", empty);
		jmhRow(md, "`evaluate`, scenario files, cache hit", "legacyEvaluateFiles", "cachedEvaluateFiles", empty);
		jmhRow(md, "`conclusions`, random, cache hit", "legacyConclusionsRandom", "cachedConclusionsRandom", empty);
		jmhRow(md, "Empty rule base, the same facts (the engine's bare cost)", null, "baselineEmptyRuleBase", empty);
		md.append('\n');
		md.append("Building the result from an evaluation (what a cache hit still costs):\n\n");
		md.append("| Step | Median | p99 |\n|---|---|---|\n");
		Timing json = this.jmh.get("apiJson");
		if (json != null) {
			md.append(String.format(Locale.ROOT, "| The API's JSON: response model and bytes (%,d bytes on average) |"
					+ " %.1f µs | %.1f µs |%n", this.jsonBytes, json.median(), json.p99()));
		}
		Timing view = this.jmh.get("adviceView");
		if (view != null) {
			md.append(String.format(Locale.ROOT, "| The result page's view model (`AdviceView`) | %.1f µs | %.1f µs |%n",
					view.median(), view.p99()));
		}
		md.append('\n');
	}

	private void jmhRow(StringBuilder md, String label, String before, String after, Timing empty) {
		Timing b = (before != null) ? this.jmh.get(before) : null;
		Timing a = this.jmh.get(after);
		if (a == null) {
			return;
		}
		md.append("| ").append(label).append(" | ")
			.append((b != null) ? String.format(Locale.ROOT, "%.1f / %.1f µs", b.median(), b.p99()) : "–")
			.append(" | ").append(String.format(Locale.ROOT, "%.1f / %.1f µs", a.median(), a.p99())).append(" | ")
			.append((b != null) ? String.format(Locale.ROOT, "%.1f×", b.median() / a.median()) : "–").append(" | ")
			.append((empty != null) ? String.format(Locale.ROOT, "%.1f×", a.median() / empty.median()) : "–")
			.append(" |\n");
	}

	private void sweepSection(StringBuilder md) {
		md.append("## Audit sweep\n\n");
		if (this.sweepUncached == null) {
			md.append("Not measured in this run.\n\n");
			return;
		}
		md.append("The verifier (`/audit`, `verify`) on one thread, after a shorter run to warm the JIT: every pair"
				+ " of condition values over the defaults, then random scenarios, each run through"
				+ " `RuleBase.conclusions`. With the cache on, the warm-up run has left the pairwise scenarios (the"
				+ " same in every run) in the cache, as a second verification of the same pack would find them; the"
				+ " random ones are new.\n\n");
		md.append("| Cache | Scenarios | Sweep | Evaluations/s per core | Whole verification |\n|---|---|---|---|---|\n");
		for (VerificationReport.Search s : Arrays.asList(this.sweepUncached, this.sweepCached)) {
			if (s != null) {
				md.append(String.format(Locale.ROOT, "| %s | %,d | %,d ms | %,.0f | %,d ms |%n",
						(s == this.sweepUncached) ? "off" : "on", s.sweepScenarios(), s.sweepMillis(),
						s.evaluationsPerSecondPerCore(), s.totalMillis()));
			}
		}
		if (this.jmh != null && this.jmh.get("legacyConclusionsRandom") != null) {
			md.append(String.format(Locale.ROOT, "%nBefore this work the sweep's evaluation took %.1f µs (JMH above,"
					+ " `conclusions` before), about %,.0f evaluations/s per core.%n",
					this.jmh.get("legacyConclusionsRandom").median(),
					1e6 / this.jmh.get("legacyConclusionsRandom").median()));
		}
		md.append('\n');
	}

	private void startupSection(StringBuilder md) {
		md.append("## Start-up\n\n");
		if (this.starts.isEmpty()) {
			md.append("Not measured in this run.\n\n");
			return;
		}
		md.append("Each configuration started from `java … -jar`; the suite polls every 5 ms. *Ready* is"
				+ " `/actuator/health/readiness` answering UP (for the empty app, its one endpoint answering); then"
				+ " one `POST /api/evaluate` of a scenario no warm-up has seen (*first evaluation*, its latency), and"
				+ " one result page of another. *To first served evaluation* runs from the launch to the end of that"
				+ " evaluation. Medians of the runs given; each line adds one change to the line above it.\n\n");
		md.append("| Configuration | Runs | Ready | First evaluation | To first served evaluation | ÷ empty app |"
				+ " First result page | RSS after |\n|---|---|---|---|---|---|---|---|\n");
		double floor = this.starts.stream().filter((r) -> r.label().startsWith("Empty")).findFirst()
			.map((r) -> median(r.starts(), Start::served)).orElse(Double.NaN);
		for (StartRow row : this.starts) {
			double served = median(row.starts(), Start::served);
			md.append(String.format(Locale.ROOT, "| %s%s | %d | %,.0f ms | %s | %,.0f ms | %.2f | %s | %.0f MB |%n",
					row.label(), options(row.jvm(), row.args()), row.starts().size(),
					median(row.starts(), Start::ready), ms(median(row.starts(), Start::firstEvaluation)), served,
					served / floor, ms(median(row.starts(), Start::firstPage)), median(row.starts(), Start::rss)));
		}
		md.append("\nWhere the time goes, from the application's log (medians, ms): reading and validating the pack,"
				+ " building the rule base (compiling the DRL, or loading the precompiled model), evaluating the"
				+ " defaults and scenario files (engine warm-up), serving an evaluation and two pages to itself (web"
				+ " warm-up), and Spring's own \"Started … in\". The first three run on their own thread, beside"
				+ " Spring, unless `--advisor.parallel-start=false`.\n\n");
		md.append("| Configuration | Read pack | Build rule base | Engine warm-up | Web warm-up | Spring started |\n"
				+ "|---|---|---|---|---|---|\n");
		for (StartRow row : this.starts) {
			md.append("| ").append(row.label()).append(" | ").append(part(row, "read")).append(" | ")
				.append(part(row, "build")).append(" | ").append(part(row, "engineWarmUp")).append(" | ")
				.append(part(row, "webWarmUp")).append(" | ").append(part(row, "spring")).append(" |\n");
		}
		md.append('\n');
	}

	private static String options(String jvm, String args) {
		List<String> all = new ArrayList<>();
		if (!jvm.isBlank()) {
			all.add(jvm);
		}
		if (!args.isBlank()) {
			all.add(args);
		}
		return all.isEmpty() ? "" : "<br>`" + String.join(" ", all) + "`";
	}

	private static String part(StartRow row, String name) {
		double v = median(row.starts(), (s) -> s.parts().getOrDefault(name, Double.NaN));
		return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
	}

	private void httpSection(StringBuilder md) {
		md.append("## HTTP under load\n\n");
		if (this.servers.isEmpty()) {
			md.append("Not measured in this run.\n\n");
			return;
		}
		md.append("The packaged jar on 127.0.0.1, loaded by the suite's own generator (`LoadGenerator`, like wrk: 2"
				+ " threads, keep-alive connections, closed loop; latency from the first byte sent to the last"
				+ " received). Before the measurements each server serves every kind of request for a few seconds, so"
				+ " that the JIT has compiled them. Random scenarios give every condition a random value, a new"
				+ " scenario for every request (cache misses); the scenario files are the pack's 14 presets"
				+ " (`{\"scenario\": id}`, `/advice?scenario=id`), cache hits after the first. The generator shares"
				+ " the cores with the server, as wrk would. Every server runs today's engine: the engine's own before"
				+ " and after is in the JMH table; these servers compare the cache and the JVM options.\n\n");
		for (HttpServer server : this.servers) {
			md.append("### ").append(server.label()).append("\n\n");
			md.append("`java ").append(server.jvm().isBlank() ? "" : server.jvm() + " ").append("-jar"
					+ " policy-advisor.jar").append(server.args().isBlank() ? "" : " " + server.args()).append("`\n\n");
			md.append("| Load | Connections | Requests/s | ÷ ping | p50 | p99 | Errors | Response |\n"
					+ "|---|---|---|---|---|---|---|---|\n");
			for (Http h : server.loads()) {
				Http ping = find(server, "ping", h.connections());
				md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %.2f ms | %.2f ms | %d | %s |%n",
						h.endpoint(), h.connections(), h.throughput(),
						(ping != null) ? String.format(Locale.ROOT, "%.2f", h.throughput() / ping.throughput()) : "–",
						h.p50(), h.p99(), h.errors(), bytes(h.meanBytes())));
			}
			md.append('\n');
		}
		md.append("### Memory\n\n");
		md.append("Heap in use after a full collection (`jcmd GC.run`, then `jstat -gc`), and the process's resident"
				+ " set (RSS, `/proc`): after the warm-up, at its peak while the loads above ran (sampled four times a"
				+ " second), and the heap again after them (the cache full of what they asked).\n\n");
		md.append("| Server | Heap after warm-up | RSS after warm-up | RSS peak under load | Heap after the loads |\n"
				+ "|---|---|---|---|---|\n");
		for (HttpServer server : this.servers) {
			Memory m = server.memory();
			md.append(String.format(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.0f MB | %.0f MB |%n", server.label(),
					m.heapAfterWarmUp(), m.rssAfterWarmUp(), m.rssPeakUnderLoad(), m.heapAfterLoads()));
		}
		md.append('\n');
	}

	private static Http find(HttpServer server, String name, int connections) {
		return server.loads().stream().filter((h) -> h.name().equals(name) && h.connections() == connections)
			.findFirst().orElse(null);
	}

	private static String bytes(double b) {
		return (b >= 1024) ? String.format(Locale.ROOT, "%.1f KB", b / 1024) : String.format(Locale.ROOT, "%.0f B", b);
	}

	private static String ms(double v) {
		return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f ms", v);
	}

	static <T> double median(List<T> items, ToDoubleFunction<T> value) {
		double[] v = items.stream().mapToDouble(value).filter((d) -> !Double.isNaN(d)).sorted().toArray();
		if (v.length == 0) {
			return Double.NaN;
		}
		return (v.length % 2 == 1) ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	private static String words(Duration d) {
		return (d == null) ? "?" : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
	}

	/** What changed, and which switch measures each change against its absence in the tables above. */
	static final String CHANGES = """
			## What changed, and how each change is measured

			- **Evaluation** (`RuleBase`, `PackIndex`): pooled sessions for `evaluate` too (a fresh session allocated\
			 the memory of every node of the network), configured not to synchronise their propagation queue (one\
			 thread uses a session at a time); one shared `Condition` fact per condition and value; the scenario as\
			 one value index per condition, conclusions as a bit set, premises as array look-ups, for the fixpoint\
			 check and the explanation; the explanation worked out from the end state (the rules whose premises all\
			 hold are the ones that fired and still support a conclusion) rather than from a listener on every\
			 firing; the premise checks the explanation shows made once per pack, not per evaluation. Measured by\
			 the JMH rows *before* (`LegacyEvaluation`, the old code kept in the suite) and *after*.
			- **Result cache** (`EvaluationCache`, Caffeine): outcomes (which conclusions hold) and explained\
			 evaluations, bounded (`advisor.cache.max-outcomes`, default 20,000; `advisor.cache.max-explanations`,\
			 default 1,000; about 11 KB each for the shipped pack, an outcome about 320 bytes), keyed by the rule\
			 base's version and the conditions as value indexes; used by\
			 `evaluate`, and so the pages, the API and the audit, and by `conclusions` (what-if, audit). Measured by\
			 the JMH cache-hit rows and by the servers with `--advisor.cache.enabled=false`.
			- **Lean results**: the explanation is built once per scenario (the explained evaluation is cached), and\
			 so is the API's JSON for it (`EvaluationJson`, bounded at 16 MB, only with the cache on): a cache hit no\
			 longer rebuilds the response model and writes its bytes. The JSON leaves out `accepts` where it has no\
			 value (premises on conclusions). It keeps its shape: most of its size is the explanation itself (every\
			 derivation with its rule's claim and quote, every premise), which clients read.
			- **Start-up**: the shipped pack's DRL is compiled at build time (`PrecompiledModel`, run by Maven in\
			 `process-classes`) and loaded at start-up when the pack's DRL has the same fingerprint; the pack is still\
			 read and validated from `advisor.rules-location`, and any other or edited pack is compiled as before, so\
			 errors keep their file and line (`--advisor.precompiled=false` forces the compile). The rule base is\
			 read, built and warmed on its own thread while Spring creates the rest (`--advisor.parallel-start=false`\
			 turns it off).
			- **Warm-up before readiness**: the engine evaluates the defaults and the scenario files (which also\
			 fills the cache with what users open first); then, after the web server has started and before the\
			 application is ready, it serves itself one API evaluation and two pages, which initialises the\
			 dispatcher, the JSON writers and the templates (`--advisor.warm-up=engine` or `none` to compare).
			- **Result page**: Thymeleaf's SpEL compiler on (`spring.thymeleaf.enable-spring-el-compiler=true`, in its\
			 mixed mode, which falls back to interpreting an expression whose compiled form fails): the page\
			 evaluates thousands of expressions. Measured by the server with it off.
			- **Memory**: `-Xms64m -Xmx256m -XX:+UseSerialGC` in the README's `java -jar` command, `spring-boot:run` and\
			 the Dockerfile; the server rows with the default JVM compare. `-Xms64m` because the default initial heap\
			 is a 64th of the machine's memory, which on a large machine is the whole 256 MB, committed from the start\
			 and never given back. `-XX:TieredStopAtLevel=1` (C1 only) is measured as a trade-off and not shipped.
			- **Docker image**: runs Java 25 with an ahead-of-time class cache recorded by a training run at image\
			 build time (the build itself stays on Java 17); its start-up row above is that launch, outside Docker.
			""";

}
