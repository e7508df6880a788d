package org.policyadvisor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.policyadvisor.engine.BenchScenarios;
import org.policyadvisor.engine.RulePack;

/**
 * The load and soak check: {@code ./mvnw -Pload verify} (issue 7, item 7). The packaged jar, launched as the README
 * launches it, is loaded for {@code load.seconds} (60) on each of {@code POST /api/evaluate} (random scenarios and the
 * scenario files), the form page {@code GET /} and the result page {@code GET /advice} at 64 connections from 2
 * threads, with 0 errors required; then, on the same server with its caches full, a soak of {@code soak.minutes}
 * (10) minutes of mixed requests at {@code soak.rate} (200) a second, with a full collection and the heap used after
 * it each minute. The heap at the last minute must be within 10% of minute 2's. Writes {@code docs/load-and-soak.md}
 * ({@code load.out}) and exits with 1 when a target is missed.
 * <p>
 * System properties: {@code load.seconds}, {@code load.connections} (64), {@code soak.minutes}, {@code soak.rate},
 * {@code soak.connections} (16), {@code load.sections} (load, soak), {@code load.out}, {@code bench.jar}.
 */
public final class LoadAndSoak {

	private static final int THREADS = 2;

	/** The soak's figure of merit, from the issue: the heap after a full collection at the end against minute 2. */
	private static final double HEAP_TOLERANCE = 0.10;

	private static final int REFERENCE_MINUTE = 2;

	record Load(String endpoint, int connections, LoadGenerator.Result result) {
	}

	/** One minute of the soak, then the full collection: heap used after it and RSS, in MB. */
	record Minute(int minute, LoadGenerator.Result result, double heapAfterGc, double rss) {
	}

	private final String javaHome = System.getProperty("java.home");

	private final Path jar = Path.of(System.getProperty("bench.jar", "target/policy-advisor.jar"));

	private final int loadSeconds = Integer.getInteger("load.seconds", 60);

	private final int loadConnections = Integer.getInteger("load.connections", 64);

	private final int soakMinutes = Integer.getInteger("soak.minutes", 10);

	private final double soakRate = Double.parseDouble(System.getProperty("soak.rate", "200"));

	private final int soakConnections = Integer.getInteger("soak.connections", 16);

	private final List<String> sections = Arrays.asList(System.getProperty("load.sections", "load,soak").split(","));

	private final List<Load> loads = new ArrayList<>();

	private final List<Minute> minutes = new ArrayList<>();

	/** Random scenarios the loads sent before the soak (measured ones; the warm-ups sent more). */
	private long randomBeforeSoak;

	private double heapBeforeSoak = Double.NaN;

	private double rssBeforeSoak = Double.NaN;

	private LoadAndSoak() {
	}

	public static void main(String[] args) throws Exception {
		LoadAndSoak run = new LoadAndSoak();
		Machine machine = Machine.describe();
		long start = System.nanoTime();
		RulePack pack = BenchScenarios.shippedPack();
		Path work = Path.of("target", "bench");
		Files.createDirectories(work.resolve("logs"));
		try (AppProcess app = AppProcess.start(run.javaHome + "/bin/java", BenchSuite.SHIPPED_JVM, run.jar, List.of(),
				work.resolve("logs/load-and-soak-" + System.currentTimeMillis() + ".log"))) {
			double ready = app.awaitGet("/actuator/health/readiness", "UP", 180_000);
			log("Ready after %.0f ms (pid %d), launched with %s", ready, app.pid(), String.join(" ", BenchSuite.SHIPPED_JVM));
			BenchRequests requests = new BenchRequests(pack, app.host());
			if (run.sections.contains("load")) {
				run.load(app, requests);
			}
			if (run.sections.contains("soak")) {
				run.soak(app, requests);
			}
		}
		String text = run.markdown(machine, Duration.ofNanos(System.nanoTime() - start));
		Path out = Path.of(System.getProperty("load.out", "docs/load-and-soak.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, text);
		System.out.println(text);
		System.out.println("Written to " + out);
		if (!run.targetsMet()) {
			System.out.println("[load] A target was missed: see " + out);
			System.exit(1);
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[load] " + format + "%n", args);
	}

	// ---------------------------------------------------------------- Load

	private void load(AppProcess app, BenchRequests requests) throws IOException, InterruptedException {
		Duration warm = Duration.ofSeconds(5);
		Duration measure = Duration.ofSeconds(this.loadSeconds);
		record Named(String endpoint, LongFunction<byte[]> requests) {
		}
		List<Named> runs = List.of(new Named("POST /api/evaluate, random scenarios (cache misses)", requests.evaluateRandom(1)),
				new Named("POST /api/evaluate, the scenario files (cache hits)", requests.evaluatePresets()),
				new Named("GET /, the form page", requests.form()),
				new Named("GET /advice, result pages of random scenarios", requests.adviceRandom(2)));
		for (Named named : runs) {
			LoadGenerator.Result r = LoadGenerator.run(app.address(), named.requests()::apply, THREADS,
					this.loadConnections, warm, measure);
			log("%-50s %d connections, %d s: %s", named.endpoint(), this.loadConnections, this.loadSeconds, r);
			this.loads.add(new Load(named.endpoint(), this.loadConnections, r));
			if (named.endpoint().contains("random")) {
				this.randomBeforeSoak += r.requests() + r.errors();
			}
		}
	}

	// ---------------------------------------------------------------- Soak

	/**
	 * A mix like a room of users: of every ten requests, four evaluations of random scenarios and two of the scenario
	 * files through the API, a form page, two result pages of random scenarios and one of a scenario file.
	 */
	private static LongFunction<byte[]> mixed(BenchRequests requests, long seed) {
		LongFunction<byte[]> evaluateRandom = requests.evaluateRandom(seed);
		LongFunction<byte[]> evaluatePresets = requests.evaluatePresets();
		LongFunction<byte[]> form = requests.form();
		LongFunction<byte[]> adviceRandom = requests.adviceRandom(seed + 1_000_000);
		LongFunction<byte[]> advicePresets = requests.advicePresets();
		return (i) -> switch ((int) (i % 10)) {
			case 0, 1, 2, 3 -> evaluateRandom.apply(i);
			case 4, 5 -> evaluatePresets.apply(i);
			case 6 -> form.apply(i);
			case 7, 8 -> adviceRandom.apply(i);
			default -> advicePresets.apply(i);
		};
	}

	private void soak(AppProcess app, BenchRequests requests) throws IOException, InterruptedException {
		this.heapBeforeSoak = app.heapAfterGcMegabytes(this.javaHome);
		this.rssBeforeSoak = app.rssMegabytes();
		log("Soak: %d minutes at %.0f requests/s, %d connections; before it: heap after full GC %.1f MB, RSS %.0f MB",
				this.soakMinutes, this.soakRate, this.soakConnections, this.heapBeforeSoak, this.rssBeforeSoak);
		for (int minute = 1; minute <= this.soakMinutes; minute++) {
			LongFunction<byte[]> mix = mixed(requests, 100 + minute);
			LoadGenerator.Result r = LoadGenerator.run(app.address(), mix::apply, THREADS, this.soakConnections,
					Duration.ZERO, Duration.ofMinutes(1), this.soakRate);
			double heap = app.heapAfterGcMegabytes(this.javaHome);
			double rss = app.rssMegabytes();
			log("  minute %2d: %s; heap after full GC %.1f MB, RSS %.0f MB", minute, r, heap, rss);
			this.minutes.add(new Minute(minute, r, heap, rss));
		}
	}

	// ---------------------------------------------------------------- Verdicts and report

	private long loadErrors() {
		return this.loads.stream().mapToLong((l) -> l.result().errors()).sum();
	}

	private long soakErrors() {
		return this.minutes.stream().mapToLong((m) -> m.result().errors()).sum();
	}

	/** The last minute's heap against minute 2's, as a fraction; NaN when the soak was too short to tell. */
	private double heapDrift() {
		if (this.minutes.size() < REFERENCE_MINUTE) {
			return Double.NaN;
		}
		double reference = this.minutes.get(REFERENCE_MINUTE - 1).heapAfterGc();
		return (this.minutes.get(this.minutes.size() - 1).heapAfterGc() - reference) / reference;
	}

	private boolean targetsMet() {
		double drift = heapDrift();
		return loadErrors() == 0 && soakErrors() == 0 && (Double.isNaN(drift) || Math.abs(drift) <= HEAP_TOLERANCE);
	}

	private String command() {
		String command = "./mvnw -Pload verify";
		if (this.loadSeconds != 60) {
			command += " -Dload.seconds=" + this.loadSeconds;
		}
		if (this.soakMinutes != 10) {
			command += " -Dsoak.minutes=" + this.soakMinutes;
		}
		return command;
	}

	private String markdown(Machine machine, Duration took) {
		StringBuilder md = new StringBuilder();
		md.append("# Load and soak\n\n");
		md.append("Written by `LoadAndSoak` (`src/bench/java/org/policyadvisor/bench/`); run it again rather than"
				+ " editing this file:\n\n```sh\n").append(command()).append("\n```\n\n");
		md.append("`-Dload.seconds` (60) and `-Dsoak.minutes` (10) set the durations, `-Dsoak.rate` (200 requests/s)"
				+ " the soak's pace and `-Dload.sections=load` or `soak` runs one part. It packages the application"
				+ " (tests skipped), launches the jar as the README does (`java " + String.join(" ", BenchSuite.SHIPPED_JVM)
				+ " -jar target/policy-advisor.jar`) on 127.0.0.1, and fails the build when a target is missed.\n\n");
		if (this.loadSeconds < 60 || this.soakMinutes < 10) {
			md.append("**A short run** (" + this.loadSeconds + " s per load, a " + this.soakMinutes + "-minute soak),"
					+ " shorter than the check asks for (60 s, 10 minutes): it shows the method and the shape of the"
					+ " figures; run `./mvnw -Pload verify` on a quiet machine for the real ones.\n\n");
		}
		md.append(String.format(Locale.ROOT, "- Date: %s; the run took %s.%n", LocalDate.now(), minutes(took)));
		md.append("- Machine: ").append(machine.summary()).append(".\n");
		double loadAtEnd = Machine.loadAverage();
		md.append(machine.busyLines(loadAtEnd, Machine.busy()));

		md.append("## Targets\n\n| Target | Goal | Measured | Met |\n|---|---|---|---|\n");
		if (!this.loads.isEmpty()) {
			long requests = this.loads.stream().mapToLong((l) -> l.result().requests()).sum();
			md.append(String.format(Locale.ROOT, "| Errors under load, %d s per load at %d connections | 0 |"
					+ " %d in %,d requests | %s |%n", this.loadSeconds, this.loadConnections, loadErrors(), requests,
					(loadErrors() == 0) ? "yes" : "**no**"));
		}
		if (!this.minutes.isEmpty()) {
			long requests = this.minutes.stream().mapToLong((m) -> m.result().requests()).sum();
			md.append(String.format(Locale.ROOT, "| Errors in the soak | 0 | %d in %,d requests | %s |%n",
					soakErrors(), requests, (soakErrors() == 0) ? "yes" : "**no**"));
			double drift = heapDrift();
			if (Double.isNaN(drift)) {
				md.append("| Heap after full GC, last minute against minute 2 | within 10% | soak too short | – |\n");
			}
			else {
				Minute last = this.minutes.get(this.minutes.size() - 1);
				md.append(String.format(Locale.ROOT, "| Heap after full GC, minute %d against minute %d | within 10%% |"
						+ " %.1f MB against %.1f MB: %+.1f%% | %s |%n", last.minute(), REFERENCE_MINUTE,
						last.heapAfterGc(), this.minutes.get(REFERENCE_MINUTE - 1).heapAfterGc(), drift * 100,
						(Math.abs(drift) <= HEAP_TOLERANCE) ? "yes" : "**no**"));
			}
		}

		if (!this.loads.isEmpty()) {
			md.append(String.format(Locale.ROOT, "%n## Load%n%nEach load: %d s measured after 5 s not recorded, %d"
					+ " keep-alive connections from %d threads, each sending its next request when the last is"
					+ " answered (closed loop, like wrk). Latency from the request's first byte to the response's"
					+ " last; an error is a status other than 2xx or a connection lost mid-response. Random"
					+ " scenarios are new for every request, so each is a cache miss.%n%n", this.loadSeconds,
					this.loadConnections, THREADS));
			md.append("| Load | Requests/s | p50 | p99 | Errors | Requests | Response |\n|---|---|---|---|---|---|---|\n");
			for (Load l : this.loads) {
				LoadGenerator.Result r = l.result();
				md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %d | %,d | %s |%n",
						l.endpoint(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.errors(),
						r.requests(), kilobytes(r.meanBytes())));
			}
		}

		if (!this.minutes.isEmpty()) {
			// Six of every ten soak requests are new random scenarios: the cache of outcomes (20,000 by default, a
			// few hundred bytes each) grows until it is full, which should happen before the reference minute.
			long soakRandom = (long) (0.6 * this.minutes.stream().limit(REFERENCE_MINUTE)
				.mapToLong((m) -> m.result().requests() + m.result().errors()).sum());
			long randomByReference = this.randomBeforeSoak + soakRandom;
			String cache = (randomByReference >= 20_000)
					? String.format(Locale.ROOT, "With the soak's, that makes at least %,d by the end of minute %d,"
							+ " so its cache of outcomes (20,000 by default) was full by then", randomByReference,
							Math.min(REFERENCE_MINUTE, this.minutes.size()))
					: String.format(Locale.ROOT, "With the soak's, that makes about %,d by the end of minute %d: its"
							+ " cache of outcomes (20,000 by default) may still have been filling then, which makes the"
							+ " heap grow without a leak", randomByReference, Math.min(REFERENCE_MINUTE,
									this.minutes.size()));
			md.append(String.format(Locale.ROOT, "%n## Soak%n%nThe same server, after the loads above, which sent it"
					+ " %,d random scenarios (measured; their warm-ups sent more). %s. The soak: %d minutes at %.0f"
					+ " requests/s from %d connections, paced (a request is sent when its slot comes, or when the"
					+ " connection is free if later). Of every ten requests: four `POST /api/evaluate` of a random"
					+ " scenario, two of a scenario file, one `GET /`, two result pages of random scenarios and one of"
					+ " a scenario file. After each minute the load pauses for a full collection (`jcmd <pid>"
					+ " GC.run`) and the heap in use after it is read (`jstat -gc`: survivor, eden and old generation"
					+ " used), with the process's RSS from /proc. Before the soak: heap %.1f MB, RSS %.0f MB.%n%n",
					this.randomBeforeSoak, cache, this.soakMinutes, this.soakRate, this.soakConnections,
					this.heapBeforeSoak, this.rssBeforeSoak));
			md.append("| Minute | Requests/s | p50 | p99 | Errors | Heap after full GC | RSS |\n"
					+ "|---|---|---|---|---|---|---|\n");
			for (Minute m : this.minutes) {
				LoadGenerator.Result r = m.result();
				md.append(String.format(Locale.ROOT, "| %d | %,.0f | %.2f ms | %.2f ms | %d | %.1f MB | %.0f MB |%n",
						m.minute(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.errors(),
						m.heapAfterGc(), m.rss()));
			}
		}
		return md.toString();
	}

	private static String kilobytes(double bytes) {
		return (bytes >= 1024) ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024)
				: String.format(Locale.ROOT, "%.0f B", bytes);
	}

	private static String minutes(Duration d) {
		long s = d.toSeconds();
		return (s >= 60) ? String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60) : s + " s";
	}

}
