package org.policyadvisor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.policyadvisor.advisor.ResultBenchmarks;
import org.policyadvisor.audit.VerificationReport;
import org.policyadvisor.audit.Verifier;
import org.policyadvisor.engine.BenchScenarios;
import org.policyadvisor.engine.EvaluationCache;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;

/**
 * The benchmark suite: {@code ./mvnw -Pbench verify} (add {@code -Dbench.quick=true} for a smoke run of a minute or
 * two). In-process evaluation with JMH, the audit sweep, start-up of the packaged jar against an empty Spring Boot
 * app, and the jar under HTTP load against its own trivial endpoint, with memory; before and after of each change
 * within the one run, by switches and launch options. Prints the tables and writes {@code docs/benchmarks.md}.
 * <p>
 * System properties: {@code bench.quick}, {@code bench.sections} (any of jmh, sweep, startup, http), {@code bench.out},
 * {@code bench.jar}, {@code bench.empty-jar}, {@code bench.java25} (a JDK 25 home, for the AOT cache).
 */
public final class BenchSuite {

	/** The heap and collector the README, the Dockerfile and spring-boot:run launch the application with. */
	static final List<String> SHIPPED_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

	private static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1");

	private static final Pattern READ_MS = Pattern.compile("read in (\\d+) ms");

	private static final Pattern BUILD_MS = Pattern.compile("(?:loaded precompiled|compiled) in (\\d+) ms");

	private static final Pattern ENGINE_WARM_MS = Pattern.compile("warmed in (\\d+) ms");

	private static final Pattern WEB_WARM_MS = Pattern.compile("Warmed up the web stack in (\\d+) ms");

	private static final Pattern STARTED_S = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");

	private final boolean quick;

	private final Path jar;

	private final Path emptyJar;

	private final String java;

	private final String javaHome;

	private final Path java25;

	private final Path work = Path.of("target", "bench");

	private final Report report;

	private RulePack pack;

	private BenchSuite() {
		this.quick = Boolean.getBoolean("bench.quick");
		this.jar = Path.of(System.getProperty("bench.jar", "target/policy-advisor.jar"));
		this.emptyJar = Path.of(System.getProperty("bench.empty-jar", "bench/empty-app/target/empty-app.jar"));
		this.javaHome = System.getProperty("java.home");
		this.java = this.javaHome + "/bin/java";
		Path j25 = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
		this.java25 = Files.isExecutable(j25.resolve("bin/java")) ? j25 : null;
		this.report = new Report(this.quick, System.getProperty("bench.command",
				"./mvnw -Pbench verify" + (this.quick ? " -Dbench.quick=true" : "")));
	}

	public static void main(String[] args) throws Exception {
		BenchSuite suite = new BenchSuite();
		List<String> sections = Arrays.asList(System.getProperty("bench.sections", "jmh,sweep,startup,http").split(","));
		long start = System.nanoTime();
		deleteTree(suite.work.resolve("data"));
		Files.createDirectories(suite.work.resolve("logs"));
		suite.report.machine(Machine.describe());
		suite.pack = BenchScenarios.shippedPack();
		if (sections.contains("jmh")) {
			suite.jmh();
		}
		if (sections.contains("sweep")) {
			suite.sweep();
		}
		if (sections.contains("startup")) {
			suite.startup();
		}
		if (sections.contains("http")) {
			suite.http();
		}
		double loadAtEnd = Machine.loadAverage();
		suite.report.finish(Duration.ofNanos(System.nanoTime() - start), loadAtEnd, Machine.busy());
		String text = suite.report.markdown();
		Path out = Path.of(System.getProperty("bench.out", "docs/benchmarks.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, text);
		System.out.println(text);
		System.out.println("Written to " + out);
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
	}

	// ---------------------------------------------------------------- JMH

	private void jmh() throws RunnerException, IOException {
		int warmups = this.quick ? 1 : 2;
		int iterations = this.quick ? 2 : 3;
		Files.createDirectories(this.work);
		Path output = this.work.resolve("jmh.log");
		log("JMH: %d warm-up and %d measured iterations of 1 s per benchmark, 1 fork; output in %s", warmups,
				iterations, output);
		Options options = new OptionsBuilder()
			.include("org\\.policyadvisor\\.(engine\\.EngineBenchmarks|advisor\\.ResultBenchmarks)\\..*")
			.forks(1)
			.warmupIterations(warmups)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(1))
			.jvmArgsAppend("-Xmx512m")
			.output(output.toString())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Report.Timing> timings = new LinkedHashMap<>();
		for (RunResult r : results) {
			String name = r.getParams().getBenchmark();
			Statistics s = r.getPrimaryResult().getStatistics();
			timings.put(name.substring(name.lastIndexOf('.') + 1),
					new Report.Timing(s.getPercentile(50), s.getPercentile(99), s.getN()));
		}
		this.report.jmh(timings, ResultBenchmarks.meanJsonBytes());
		timings.forEach((k, v) -> log("  %-26s median %8.1f µs  p99 %8.1f µs", k, v.median(), v.p99()));
	}

	// ---------------------------------------------------------------- Audit sweep

	private void sweep() {
		int random = this.quick ? 20_000 : 100_000;
		for (boolean cached : List.of(false, true)) {
			RuleBase ruleBase = RuleBase.build(this.pack, 10_000,
					cached ? EvaluationCache.bounded(20_000, 2_000) : EvaluationCache.disabled(), true);
			Verifier.Settings settings = new Verifier.Settings(Verifier.Settings.DEFAULT.exhaustiveLimit(), random,
					Verifier.Settings.DEFAULT.seed(), 1);
			// The first run warms the JIT; the figure is the second's. Another seed, so that with the cache on the
			// measured run finds only the pairwise scenarios (the same every run) already there, not the random ones.
			new Verifier(ruleBase, new Verifier.Settings(settings.exhaustiveLimit(), random / 5, settings.seed() + 1, 1))
				.verify();
			VerificationReport.Search s = new Verifier(ruleBase, settings).verify().search();
			log("Sweep, cache %s: %,d scenarios in %,d ms, %,.0f evaluations/s per core; verification %,d ms",
					cached ? "on" : "off", s.sweepScenarios(), s.sweepMillis(), s.evaluationsPerSecondPerCore(),
					s.totalMillis());
			this.report.sweep(cached, s);
		}
	}

	// ---------------------------------------------------------------- Start-up

	private record Launch(String label, String java, List<String> jvm, Path jar, List<String> args, int runs,
			boolean empty) {
	}

	private void startup() throws Exception {
		int many = this.quick ? 1 : 3;
		int few = this.quick ? 1 : 2;
		List<Launch> launches = new ArrayList<>();
		launches.add(new Launch("Empty Spring Boot 4.0.7 web app (baseline)", this.java, List.of(), this.emptyJar,
				List.of(), many, true));
		launches.add(new Launch("Before: DRL compiled at start-up, after Spring, engine warm-up only, default JVM",
				this.java, List.of(), this.jar,
				List.of("--advisor.precompiled=false", "--advisor.parallel-start=false", "--advisor.warm-up=engine"),
				many, false));
		launches.add(new Launch("+ rules precompiled at build time", this.java, List.of(), this.jar,
				List.of("--advisor.parallel-start=false", "--advisor.warm-up=engine"), few, false));
		launches.add(new Launch("+ rule base built in parallel with Spring", this.java, List.of(), this.jar,
				List.of("--advisor.warm-up=engine"), few, false));
		launches.add(new Launch("+ web warm-up before readiness (all defaults), default JVM", this.java, List.of(),
				this.jar, List.of(), few, false));
		launches.add(new Launch("+ shipped JVM options (README, Dockerfile)",
				this.java, SHIPPED_JVM, this.jar, List.of(), many, false));
		launches.add(new Launch("Trade-off, not shipped: + -XX:TieredStopAtLevel=1", this.java, concat(SHIPPED_JVM,
				C1_ONLY), this.jar, List.of(), few, false));
		if (this.java25 != null) {
			String java25 = this.java25.resolve("bin/java").toString();
			launches.add(new Launch("Java 25, shipped JVM options", java25, SHIPPED_JVM, this.jar, List.of(), few,
					false));
			Path aot = prepareAotCache(java25);
			if (aot != null) {
				launches.add(new Launch("Java 25 + AOT cache, extracted jar (the Docker image)", java25,
						concat(SHIPPED_JVM, List.of("-XX:AOTCache=" + aot)), extractedJar(), List.of(), many, false));
			}
		}
		for (Launch launch : launches) {
			List<Report.Start> starts = new ArrayList<>();
			for (int run = 0; run < launch.runs(); run++) {
				starts.add(launch.empty() ? startEmpty(launch) : startAdvisor(launch, run));
			}
			this.report.startup(launch.label(), String.join(" ", launch.jvm()), String.join(" ", launch.args()),
					starts);
		}
	}

	private Report.Start startEmpty(Launch launch) throws Exception {
		try (AppProcess app = AppProcess.start(launch.java(), launch.jvm(), launch.jar(), launch.args(),
				this.work.resolve("logs/empty.log"))) {
			double served = app.awaitGet("/ping", "ok", 120_000);
			double rss = app.rssMegabytes();
			log("Start-up %s: first request served at %.0f ms", launch.label(), served);
			return new Report.Start(served, Double.NaN, served, Double.NaN, rss, Map.of("spring", seconds(app)));
		}
	}

	private Report.Start startAdvisor(Launch launch, int run) throws Exception {
		try (AppProcess app = AppProcess.start(launch.java(), launch.jvm(), launch.jar(), launch.args(),
				this.work.resolve("logs/startup-" + slug(launch.label()) + "-" + run + ".log"))) {
			double ready = app.awaitGet("/actuator/health/readiness", "UP", 180_000);
			// Scenarios no warm-up or earlier run has seen: the first evaluation is not a cache hit.
			long seed = 7_000 + run * 31L + launch.label().hashCode();
			AppProcess.Response first = app.exchange(evaluateRandom(app.host(), seed).apply(0));
			double served = app.elapsedMillis();
			AppProcess.Response second = app.exchange(evaluateRandom(app.host(), seed).apply(1));
			AppProcess.Response page = app.exchange(adviceRandom(app.host(), seed + 1).apply(0));
			if (first.status() != 200 || page.status() != 200) {
				throw new IOException("unexpected status " + first.status() + "/" + page.status() + " after start-up");
			}
			double rss = app.rssMegabytes();
			Map<String, Double> parts = new LinkedHashMap<>();
			parts.put("read", number(app.logValue(READ_MS)));
			parts.put("build", number(app.logValue(BUILD_MS)));
			parts.put("engineWarmUp", number(app.logValue(ENGINE_WARM_MS)));
			parts.put("webWarmUp", number(app.logValue(WEB_WARM_MS)));
			parts.put("spring", seconds(app));
			log("Start-up %s: ready %.0f ms, first evaluation %.1f ms (second %.1f ms), first page %.1f ms, RSS %.0f MB",
					launch.label(), ready, first.millis(), second.millis(), page.millis(), rss);
			return new Report.Start(ready, first.millis(), served, page.millis(), rss, parts);
		}
	}

	private static double seconds(AppProcess app) throws IOException {
		String s = app.logValue(STARTED_S);
		return (s != null) ? Double.parseDouble(s) * 1000 : Double.NaN;
	}

	private static double number(String text) {
		return (text != null) ? Double.parseDouble(text) : Double.NaN;
	}

	private Path extractedJar() {
		return this.work.resolve("extracted/policy-advisor.jar");
	}

	/**
	 * Extracts the jar (the AOT cache needs plain jars on the class path) and records a cache from a training run
	 * that starts, serves a few requests and stops, as the Dockerfile does. Null when that fails.
	 */
	private Path prepareAotCache(String java25) throws Exception {
		Path extracted = this.work.resolve("extracted");
		Path aot = this.work.resolve("policy-advisor.aot");
		deleteTree(extracted);
		Files.deleteIfExists(aot);
		Process extract = new ProcessBuilder(java25, "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
				"--destination", extracted.toString()).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("logs/extract.log").toFile()).start();
		if (extract.waitFor() != 0) {
			log("AOT cache skipped: extracting the jar failed (see %s)", this.work.resolve("logs/extract.log"));
			return null;
		}
		log("Training the AOT cache (Java 25)...");
		try (AppProcess app = AppProcess.start(java25, concat(SHIPPED_JVM, List.of("-XX:AOTCacheOutput=" + aot)),
				extractedJar(), List.of(), this.work.resolve("logs/aot-training.log"))) {
			app.awaitGet("/actuator/health/readiness", "UP", 180_000);
			for (int i = 0; i < 20; i++) {
				app.exchange(evaluateRandom(app.host(), 99).apply(i));
				app.exchange(adviceRandom(app.host(), 98).apply(i));
			}
		}
		if (!Files.exists(aot)) {
			log("AOT cache skipped: the training run wrote none (see %s)", this.work.resolve("logs/aot-training.log"));
			return null;
		}
		return aot;
	}

	// ---------------------------------------------------------------- HTTP and memory

	/** A server configuration, and the loads to run on it (all of them when {@code only} is empty). */
	private record Server(String label, List<String> jvm, List<String> args, List<String> only) {
	}

	private record Load(String name, String endpoint, int connections, LongFunction<byte[]> requests) {
	}

	private void http() throws Exception {
		Duration warm = Duration.ofSeconds(this.quick ? 1 : 2);
		Duration measure = Duration.ofSeconds(this.quick ? 2 : 4);
		Duration serverWarmUp = Duration.ofSeconds(this.quick ? 2 : 3);
		List<Server> servers = List.of(
				new Server("Before: cache off, default JVM (today's engine)", List.of(),
						List.of("--advisor.cache.enabled=false"), List.of()),
				new Server("Cache off, shipped JVM options", SHIPPED_JVM, List.of("--advisor.cache.enabled=false"),
						List.of()),
				new Server("After: cache on, shipped JVM options (as shipped)", SHIPPED_JVM, List.of(), List.of()),
				new Server("As shipped, but template expressions interpreted", SHIPPED_JVM,
						List.of("--spring.thymeleaf.enable-spring-el-compiler=false"),
						List.of("advicePresets@64", "adviceRandom@64")),
				new Server("Trade-off, not shipped: as shipped + -XX:TieredStopAtLevel=1", concat(SHIPPED_JVM,
						C1_ONLY), List.of(), List.of("ping@64", "evaluateRandom@64", "advicePresets@64")));
		int seed = 100;
		for (Server server : servers) {
			try (AppProcess app = AppProcess.start(this.java, server.jvm(), this.jar, server.args(),
					this.work.resolve("logs/http-" + slug(server.label()) + ".log"))) {
				app.awaitGet("/actuator/health/readiness", "UP", 180_000);
				String host = app.host();
				log("HTTP: %s (pid %d)", server.label(), app.pid());
				// Warm the JIT on every kind of request before anything is measured.
				for (LongFunction<byte[]> requests : List.of(evaluateRandom(host, seed++), adviceRandom(host, seed++),
						advicePresets(host), evaluatePresets(host), ping(host))) {
					LoadGenerator.run(app.address(), requests::apply, 2, 16, serverWarmUp, Duration.ofMillis(200));
				}
				double heapWarm = app.heapAfterGcMegabytes(this.javaHome);
				double rssWarm = app.rssMegabytes();
				List<Load> loads = List.of(
						new Load("ping", "GET /api/ping", 16, ping(host)),
						new Load("ping", "GET /api/ping", 64, ping(host)),
						new Load("evaluatePresets", "POST /api/evaluate, the scenario files", 16, evaluatePresets(host)),
						new Load("evaluatePresets", "POST /api/evaluate, the scenario files", 64, evaluatePresets(host)),
						new Load("evaluateRandom", "POST /api/evaluate, random scenarios", 16,
								evaluateRandom(host, seed++)),
						new Load("evaluateRandom", "POST /api/evaluate, random scenarios", 64,
								evaluateRandom(host, seed++)),
						new Load("advicePresets", "GET /advice, the scenario files", 64, advicePresets(host)),
						new Load("adviceRandom", "GET /advice, random scenarios", 64, adviceRandom(host, seed++)));
				RssSampler sampler = new RssSampler(app);
				sampler.start();
				List<Report.Http> results = new ArrayList<>();
				for (Load load : loads) {
					if (!server.only().isEmpty() && !server.only().contains(load.name() + "@" + load.connections())) {
						continue;
					}
					LoadGenerator.Result r = LoadGenerator.run(app.address(), load.requests()::apply, 2,
							load.connections(), warm, measure);
					log("  %-40s %3d connections: %s", load.endpoint(), load.connections(), r);
					results.add(new Report.Http(load.name(), load.endpoint(), load.connections(), r.throughput(),
							r.percentileMillis(50), r.percentileMillis(99), r.errors(), r.meanBytes()));
				}
				sampler.stop();
				double heapLoaded = app.heapAfterGcMegabytes(this.javaHome);
				this.report.http(server.label(), String.join(" ", server.jvm()), String.join(" ", server.args()),
						results, new Report.Memory(heapWarm, rssWarm, sampler.max(), heapLoaded));
			}
		}
	}

	/** Samples the server's RSS four times a second while the loads run. */
	private static final class RssSampler {

		private final AppProcess app;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private volatile double max;

		private Thread thread;

		RssSampler(AppProcess app) {
			this.app = app;
		}

		void start() {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					try {
						this.max = Math.max(this.max, this.app.rssMegabytes());
						Thread.sleep(250);
					}
					catch (IOException | InterruptedException ex) {
						return;
					}
				}
			}, "rss-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

		double max() {
			return this.max;
		}

	}

	// ---------------------------------------------------------------- Requests

	private static LongFunction<byte[]> ping(String host) {
		return new BenchRequests(null, host).ping();
	}

	private LongFunction<byte[]> evaluatePresets(String host) {
		return new BenchRequests(this.pack, host).evaluatePresets();
	}

	private LongFunction<byte[]> advicePresets(String host) {
		return new BenchRequests(this.pack, host).advicePresets();
	}

	private LongFunction<byte[]> evaluateRandom(String host, long seed) {
		return new BenchRequests(this.pack, host).evaluateRandom(seed);
	}

	private LongFunction<byte[]> adviceRandom(String host, long seed) {
		return new BenchRequests(this.pack, host).adviceRandom(seed);
	}

	// ---------------------------------------------------------------- Helpers

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String slug(String label) {
		String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return (s.length() > 40) ? s.substring(0, 40) : s;
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (var paths = Files.walk(root)) {
				for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

}
