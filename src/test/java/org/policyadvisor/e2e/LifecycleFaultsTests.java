package org.policyadvisor.e2e;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar starting, stopping and refusing to start, as an operator sees it: the readiness probe during
 * start-up, SIGTERM under load (graceful shutdown), a tampered migration history, a rule pack that fails, and edit
 * tokens kept out of the log throughout. One data directory is carried through the ordered tests so that they share
 * start-ups: the run whose start-up is watched is the one loaded and stopped with SIGTERM, and the database it leaves
 * is the one whose history is then tampered with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleFaultsTests {

	private static final String READINESS = "/actuator/health/readiness";

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final Pattern RULE_PACK_LINE = Pattern.compile("Rule pack '[^']+' v\\S+: 132 rules");

	private static final String WARMED_UP = "Warmed up the web stack";

	private static final Pattern SCENARIO_EDIT = Pattern
		.compile("/scenarios/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?done=created$");

	private static final Pattern EXERCISE_EDIT = Pattern
		.compile("/exercises/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?created=1$");

	/** Clients in the SIGTERM test; with a what-if taking a few hundred milliseconds, many are always in flight. */
	private static final int CLIENTS = 24;

	/**
	 * Spring's graceful shutdown waits at most {@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s by default,
	 * for requests in flight; the JVM then exits.
	 */
	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Java's exit status after SIGTERM: the JVM runs its shutdown hooks (Spring's context close, hence the graceful
	 * shutdown) and then exits as the signal's default action would, 128 + 15. Spring does not turn it into 0.
	 */
	private static final int SIGTERM_EXIT = 143;

	private final JsonMapper json = JsonMapper.builder().build();

	private Path data;

	/** The application started by the readiness test and stopped by the SIGTERM test. */
	private PackagedApplication running;

	private Saved scenario;

	private Saved exercise;

	/** Every run's log, for the check that no edit token was written to any. */
	private final List<Path> logs = new ArrayList<>();

	record Saved(String id, String token, String name) {
	}

	/** One poll of the probes, at {@code millis} since launch; status -1 when the connection was refused. */
	record Probe(long millis, int readiness, int liveness) {
	}

	@AfterAll
	void stopAnythingLeft() throws InterruptedException {
		if (this.running != null && this.running.isAlive()) {
			this.running.close();
		}
	}

	@Test
	@Order(1)
	void readinessAnswers200OnlyOnceTheRuleBaseIsBuiltAndTheWebStackWarmedUp() throws Exception {
		this.data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lifecycle-");
		PackagedApplication app = PackagedApplication.launch(this.data);
		this.running = app;
		this.logs.add(app.log());
		List<Probe> probes = new ArrayList<>();
		String logAtFirstAccept = null;
		String logAtFirstReady = null;
		int readyPolls = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		// Poll every 20 ms from launch; stop after ten 200s in a row.
		while (readyPolls < 10) {
			assertThat(System.nanoTime()).as("readiness within 120 s; see " + app.log()).isLessThan(deadline);
			assertThat(app.isAlive()).as("the application is running; see " + app.log()).isTrue();
			long millis = app.millisSinceLaunch();
			int readiness = status(app.port(), READINESS);
			if (readiness != -1 && logAtFirstAccept == null) {
				logAtFirstAccept = app.logText();
			}
			if (readiness == 200 && logAtFirstReady == null) {
				// Read now: whatever the log holds at this moment was written before the probe answered 200.
				logAtFirstReady = app.logText();
			}
			int liveness = (readiness == -1) ? -1 : status(app.port(), LIVENESS);
			probes.add(new Probe(millis, readiness, liveness));
			readyPolls = (readiness == 200) ? readyPolls + 1 : 0;
			Thread.sleep(20);
		}
		Probe firstAccepted = probes.stream().filter((p) -> p.readiness() != -1).findFirst().orElseThrow();
		Probe firstReady = probes.stream().filter((p) -> p.readiness() == 200).findFirst().orElseThrow();
		Probe firstLive = probes.stream().filter((p) -> p.liveness() == 200).findFirst().orElseThrow();
		List<Probe> beforeReady = probes.subList(probes.indexOf(firstAccepted), probes.indexOf(firstReady));
		List<Probe> fromReady = probes.subList(probes.indexOf(firstReady), probes.size());

		// The port opens once Spring's context is refreshed, which waits for the rule base (built beside it on a
		// thread of its own): so the rule pack is already in the log when the first connection is accepted.
		assertThat(logAtFirstAccept).as("log when the port first accepted a connection").containsPattern(RULE_PACK_LINE);
		// Then the web warm-up runs against the open port, and meanwhile the probe says not ready.
		assertThat(beforeReady).as("readiness answers between the port opening and the first 200").isNotEmpty()
			.allSatisfy((p) -> assertThat(p.readiness()).isEqualTo(503));
		assertThat(logAtFirstReady).as("log at the first readiness 200").containsPattern(RULE_PACK_LINE)
			.contains(WARMED_UP);
		assertThat(fromReady).allSatisfy((p) -> assertThat(p.readiness()).isEqualTo(200));
		// Liveness: up once the context has started, before the runners (the warm-up), and stays up.
		assertThat(firstLive.millis()).isLessThanOrEqualTo(firstReady.millis());
		assertThat(probes.subList(probes.indexOf(firstLive), probes.size()))
			.allSatisfy((p) -> assertThat(p.liveness()).isEqualTo(200));
		String log = app.logText();
		assertThat(log.indexOf("Tomcat started on port")).as("the port opens after the rule base is built")
			.isGreaterThan(matchStart(log, RULE_PACK_LINE));
		System.out.printf("Readiness: launched at 0 ms; port accepting at %d ms (readiness %d, liveness %d); "
				+ "liveness 200 from %d ms; readiness 503 in %d polls, then 200 from %d ms (every ~20 ms, %d polls "
				+ "in all)%n", firstAccepted.millis(), firstAccepted.readiness(), firstAccepted.liveness(),
				firstLive.millis(), beforeReady.size(), firstReady.millis(), probes.size());

		saveAScenarioAndAnExercise(app);
	}

	@Test
	@Order(2)
	void sigtermUnderLoadFinishesEveryRequestInFlightAndRefusesTheRest() throws Exception {
		PackagedApplication app = runningWithSaves();
		List<Map.Entry<String, List<String>>> conditions = conditions(app);
		List<RequestKind> kinds = requestKinds(app, conditions);
		Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger whatIfsInFlight = new AtomicInteger();
		List<Thread> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			RequestKind kind = kinds.get(c % kinds.size());
			SplittableRandom random = new SplittableRandom(1_000 + c);
			Thread thread = new Thread(() -> {
				while (!stop.get()) {
					byte[] request = kind.request().apply(random);
					boolean whatIf = kind.name().equals("what-if");
					inFlight.incrementAndGet();
					if (whatIf) {
						whatIfsInFlight.incrementAndGet();
					}
					long sent = System.nanoTime();
					OneShotHttp.Outcome outcome = OneShotHttp.send(app.port(), request, 60_000);
					exchanges.add(new Exchange(kind, sent, System.nanoTime(), outcome));
					inFlight.decrementAndGet();
					if (whatIf) {
						whatIfsInFlight.decrementAndGet();
					}
					if (outcome.kind() == OneShotHttp.Kind.REFUSED) {
						sleep(10);
					}
				}
			}, "client-" + c + "-" + kind.name());
			thread.start();
			clients.add(thread);
		}
		Thread.sleep(2_000);
		long wait = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while ((whatIfsInFlight.get() < 2 || inFlight.get() < CLIENTS / 2) && System.nanoTime() < wait) {
			Thread.sleep(1);
		}
		int inFlightAtSignal = inFlight.get();
		long signalled = System.nanoTime();
		app.terminate();
		OptionalInt exit = app.awaitExit(SHUTDOWN_TIMEOUT.plusSeconds(10));
		long exited = System.nanoTime();
		// A little longer, so that every client has tried the closed port.
		Thread.sleep(200);
		stop.set(true);
		for (Thread thread : clients) {
			thread.join(Duration.ofSeconds(70).toMillis());
			assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
		}

		assertThat(exit).as("the application exited within the shutdown timeout").isPresent();
		assertThat(exit.getAsInt()).as("exit status after SIGTERM").isEqualTo(SIGTERM_EXIT);
		List<Exchange> all = List.copyOf(exchanges);
		List<Exchange> before = all.stream().filter((e) -> e.sent() < signalled).toList();
		List<Exchange> after = all.stream().filter((e) -> e.sent() >= signalled).toList();
		List<Exchange> spanning = before.stream().filter((e) -> e.done() > signalled).toList();
		assertThat(all).as("responses with a 5xx status")
			.noneMatch((e) -> e.outcome().status() >= 500);
		assertThat(all).as("responses cut short").noneMatch((e) -> e.outcome().kind() == OneShotHttp.Kind.TRUNCATED);
		assertThat(before).as("requests sent before SIGTERM: each answered in full, as usual")
			.allSatisfy(LifecycleFaultsTests::assertAnsweredAsUsual);
		assertThat(spanning).as("requests in flight at SIGTERM").isNotEmpty();
		assertThat(spanning.stream().filter((e) -> e.kind().name().equals("what-if"))).as("what-ifs in flight")
			.isNotEmpty();
		Map<OneShotHttp.Kind, Long> afterKinds = after.stream()
			.collect(Collectors.groupingBy((e) -> e.outcome().kind(), Collectors.counting()));
		assertThat(after.stream().filter((e) -> e.outcome().kind() == OneShotHttp.Kind.COMPLETE))
			.as("requests sent after SIGTERM and answered all the same")
			.allSatisfy(LifecycleFaultsTests::assertAnsweredAsUsual);
		assertThat(afterKinds.getOrDefault(OneShotHttp.Kind.REFUSED, 0L)).as("requests refused at connect")
			.isPositive();
		String log = app.logText();
		assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
		long lastAnswered = spanning.stream().mapToLong(Exchange::done).max().orElse(signalled);
		long firstRefused = after.stream().filter((e) -> e.outcome().kind() == OneShotHttp.Kind.REFUSED)
			.mapToLong(Exchange::sent).min().orElseThrow();
		System.out.printf("SIGTERM under load (%d clients: evaluate, result page, what-if, edit pages): %d requests "
				+ "answered before it; %d in flight at the signal by the clients' count, %d by their timestamps (%d "
				+ "what-ifs), every one answered in full with its usual status, the last %d ms after the signal; "
				+ "after it: %d answered, %d refused at connect, %d connected but closed without a response; 0 with "
				+ "a 5xx status, 0 cut short; the first refusal %d ms after the signal; exit status %d after %d ms%n",
				CLIENTS, before.size() - spanning.size(),
				inFlightAtSignal, spanning.size(),
				spanning.stream().filter((e) -> e.kind().name().equals("what-if")).count(),
				(lastAnswered - signalled) / 1_000_000, afterKinds.getOrDefault(OneShotHttp.Kind.COMPLETE, 0L),
				afterKinds.getOrDefault(OneShotHttp.Kind.REFUSED, 0L),
				afterKinds.getOrDefault(OneShotHttp.Kind.NO_RESPONSE, 0L), (firstRefused - signalled) / 1_000_000,
				exit.getAsInt(),
				(exited - signalled) / 1_000_000);
		this.running = null;
	}

	@Test
	@Order(3)
	void migrationsRefuseATamperedHistoryAndLeaveTheDataAlone() throws Exception {
		// Run alone, or after a failure of the SIGTERM test: the database must be closed, and hold the saves.
		if (this.running != null && this.running.isAlive()) {
			this.running.close();
		}
		if (this.scenario == null) {
			runningWithSaves().close();
		}
		this.running = null;
		String url = "jdbc:h2:file:" + this.data.resolve("policy-advisor") + ";IFEXISTS=TRUE";
		int checksum = v1Checksum(url);
		int savedRows = savedRows(url);
		setV1Checksum(url, checksum + 1);

		PackagedApplication app = PackagedApplication.launch(this.data);
		this.logs.add(app.log());
		List<Integer> answers = new ArrayList<>();
		OptionalInt exit = pollReadinessUntilExit(app, answers);
		assertThat(exit).as("the application stopped by itself; see " + app.log()).isPresent();
		assertThat(exit.getAsInt()).as("exit status").isNotZero();
		assertThat(answers).as("readiness answers while it tried to start").doesNotContain(200);
		String log = app.logText();
		assertThat(log).contains("Validate failed: Migrations have failed validation")
			.contains("Migration checksum mismatch for migration version 1")
			.containsPattern("Applied to database\\s*:\\s*" + (checksum + 1))
			.containsPattern("Resolved locally\\s*:\\s*" + checksum);
		assertThat(v1Checksum(url)).as("the history as tampered with, not repaired").isEqualTo(checksum + 1);
		assertThat(savedRows(url)).as("saved scenarios").isEqualTo(savedRows);
		System.out.printf("Tampered migration history (V1's checksum %d changed to %d): exit status %d, %d readiness "
				+ "polls, none 200 (%s), Flyway's checksum mismatch for version 1 in the log; %d saved rows untouched%n",
				checksum, checksum + 1, exit.getAsInt(), answers.size(),
				answers.stream().distinct().map(String::valueOf).collect(Collectors.joining("/")), savedRows);

		// Left as it was: the saved scenario, by its view id, under its name. (Starting the application again with the
		// checksum put back would show the same at the cost of another start-up.)
		assertThat(savedName(url, this.scenario.id())).isEqualTo(this.scenario.name());
	}

	/**
	 * One failing pack is enough here, as each start costs seconds: PackFailureAnalyzerTests covers a pack that does
	 * not load, in-process; this one fails later, when the jar's own start-up compiles its DRL.
	 */
	@Test
	@Order(4)
	void aPackThatFailsNeverReportsReadyAndTheLogSaysWhy() throws Exception {
		String pack = "does-not-compile";
		String problem = "rules.drl:1: does not compile: package packs.public.policy is not a valid Java package name";
		Path rules = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "failing-pack-");
		copy(Path.of("src/test/resources/packs", pack), rules.resolve(pack));
		PackagedApplication app = PackagedApplication.launch(
				Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-data-"),
				"--advisor.rules-location=" + rules.toUri(), "--advisor.pack=" + pack);
		List<Integer> answers = new ArrayList<>();
		OptionalInt exit = pollReadinessUntilExit(app, answers);
		assertThat(exit).as("the application stopped by itself; see " + app.log()).isPresent();
		assertThat(exit.getAsInt()).as("exit status").isNotZero();
		assertThat(answers).as("readiness answers while it tried to start").doesNotContain(200);
		assertThat(app.logText()).contains("APPLICATION FAILED TO START")
			.contains("Rule pack '" + pack + "' is invalid (1 problem):")
			.contains(problem);
		System.out.printf("Failing pack %s: exit status %d after %d readiness polls, none 200 (%s); the log says '%s'%n",
				pack, exit.getAsInt(), answers.size(),
				answers.stream().distinct().map(String::valueOf).collect(Collectors.joining("/")), problem);
	}

	@Test
	@Order(5)
	void noEditTokenIsEverLogged() throws Exception {
		if (this.scenario == null) {
			runningWithSaves().close();
			this.running = null;
		}
		assertThat(this.logs).isNotEmpty();
		List<String> tokens = List.of(this.scenario.token(), this.exercise.token());
		for (Path log : this.logs) {
			String text = Files.readString(log);
			// The log does record these runs (a log that stayed empty would prove nothing).
			assertThat(text).as(log.toString()).contains("Starting PolicyAdvisorApplication");
			for (String token : tokens) {
				assertThat(text).as("edit token in " + log).doesNotContain(token);
			}
		}
	}

	// ---------------------------------------------------------------- Helpers

	/** The application of the readiness test, with its saves; or a new one with saves when that test did not run. */
	private PackagedApplication runningWithSaves() throws Exception {
		if (this.running != null && this.running.isAlive() && this.scenario != null) {
			return this.running;
		}
		if (this.data == null) {
			this.data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lifecycle-");
		}
		PackagedApplication app = PackagedApplication.start(this.data);
		this.running = app;
		this.logs.add(app.log());
		saveAScenarioAndAnExercise(app);
		return app;
	}

	/**
	 * A scenario and an exercise saved through their forms, as a browser does: their edit links carry the tokens
	 * that must never reach the log. Both edit pages are then opened, and each edit form posted once without the
	 * CSRF token (refused), so that the tokens pass through the request logging and the security filters.
	 */
	private void saveAScenarioAndAnExercise(PackagedApplication app) throws Exception {
		FormClient form = new FormClient(app);
		assertThat(form.open("/scenarios/new").statusCode()).isEqualTo(200);
		String name = "Lifecycle check " + System.nanoTime();
		var saved = form.post("/scenarios", Map.of("name", name, "notes", "Saved before SIGTERM", "oil_price", "low"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Matcher s = SCENARIO_EDIT.matcher(saved.headers().firstValue("Location").orElseThrow());
		assertThat(s.find()).isTrue();
		this.scenario = new Saved(s.group(1), s.group(2), name);
		assertThat(form.open("/exercises/new").statusCode()).isEqualTo(200);
		var created = form.post("/exercises", Map.of("title", "Lifecycle exercise", "briefing", "Kept across restarts",
				"start", "defaults"));
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher e = EXERCISE_EDIT.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(e.find()).isTrue();
		this.exercise = new Saved(e.group(1), e.group(2), "Lifecycle exercise");
		assertThat(app.get("/scenarios/" + this.scenario.id() + "/edit/" + this.scenario.token()).statusCode())
			.isEqualTo(200);
		assertThat(app.get("/exercises/" + this.exercise.id() + "/edit/" + this.exercise.token()).statusCode())
			.isEqualTo(200);
		assertThat(OneShotHttp.send(app.port(), OneShotHttp.postJson(app.port(), "/scenarios/" + this.scenario.id()
				+ "/edit/" + this.scenario.token(), "{}"), 10_000).status()).isEqualTo(403);
		assertThat(OneShotHttp.send(app.port(), OneShotHttp.postJson(app.port(), "/exercises/" + this.exercise.id()
				+ "/edit/" + this.exercise.token() + "/turns", "{}"), 10_000).status()).isEqualTo(403);
	}

	/** A kind of request the SIGTERM test's clients send, and how its usual answer looks. */
	record RequestKind(String name, Function<SplittableRandom, byte[]> request, Predicate<String> usualBody) {
	}

	record Exchange(RequestKind kind, long sent, long done, OneShotHttp.Outcome outcome) {
	}

	private static void assertAnsweredAsUsual(Exchange e) {
		assertThat(e.outcome().kind()).as(e.kind().name() + ": " + e.outcome().problem())
			.isEqualTo(OneShotHttp.Kind.COMPLETE);
		assertThat(e.outcome().status()).as(e.kind().name() + " status").isEqualTo(200);
		assertThat(e.kind().usualBody().test(e.outcome().body())).as(e.kind().name() + " body as usual").isTrue();
	}

	private List<RequestKind> requestKinds(PackagedApplication app, List<Map.Entry<String, List<String>>> conditions) {
		int port = app.port();
		Predicate<String> html = (body) -> body.strip().endsWith("</html>");
		String scenarioEdit = "/scenarios/" + this.scenario.id() + "/edit/" + this.scenario.token();
		String exerciseEdit = "/exercises/" + this.exercise.id() + "/edit/" + this.exercise.token();
		return List.of(
				new RequestKind("evaluate", (r) -> OneShotHttp.postJson(port, "/api/evaluate",
						"{\"conditions\":" + this.json.writeValueAsString(random(conditions, r)) + "}"),
						(body) -> body.startsWith("{") && body.endsWith("}") && body.contains("\"conclusions\"")),
				new RequestKind("result page",
						(r) -> OneShotHttp.get(port, "/advice?" + query(random(conditions, r)), "text/html"), html),
				new RequestKind("what-if",
						(r) -> OneShotHttp.get(port, "/api/what-if?" + query(random(conditions, r)), "application/json"),
						(body) -> body.startsWith("{") && body.endsWith("}") && body.contains("\"ranking\"")),
				new RequestKind("evaluate", (r) -> OneShotHttp.postJson(port, "/api/evaluate",
						"{\"conditions\":" + this.json.writeValueAsString(random(conditions, r)) + "}"),
						(body) -> body.startsWith("{") && body.endsWith("}") && body.contains("\"conclusions\"")),
				new RequestKind("result page",
						(r) -> OneShotHttp.get(port, "/advice?" + query(random(conditions, r)), "text/html"), html),
				new RequestKind("edit pages", (r) -> OneShotHttp.get(port, r.nextBoolean() ? scenarioEdit : exerciseEdit,
						"text/html"), html));
	}

	/** Every condition with its values, from the API. */
	private List<Map.Entry<String, List<String>>> conditions(PackagedApplication app) throws Exception {
		List<Map.Entry<String, List<String>>> conditions = new ArrayList<>();
		for (JsonNode c : this.json.readTree(app.get("/api/conditions").body())) {
			List<String> values = new ArrayList<>();
			c.get("values").forEach((v) -> values.add(v.get("id").asString()));
			conditions.add(Map.entry(c.get("id").asString(), values));
		}
		assertThat(conditions).hasSize(65);
		return conditions;
	}

	private static Map<String, String> random(List<Map.Entry<String, List<String>>> conditions, SplittableRandom r) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> c : conditions) {
			values.put(c.getKey(), c.getValue().get(r.nextInt(c.getValue().size())));
		}
		return values;
	}

	private static String query(Map<String, String> values) {
		return values.entrySet().stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A probe's status, or -1 when nothing accepted the connection (or answered at all). */
	private static int status(int port, String path) {
		OneShotHttp.Outcome outcome = OneShotHttp.send(port, OneShotHttp.get(port, path, "application/json"), 2_000);
		return (outcome.kind() == OneShotHttp.Kind.COMPLETE) ? outcome.status() : -1;
	}

	/** Polls the readiness probe every ~20 ms until the process exits (120 s at most), collecting the answers. */
	private static OptionalInt pollReadinessUntilExit(PackagedApplication app, List<Integer> answers)
			throws InterruptedException {
		OptionalInt exit = OptionalInt.empty();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (exit.isEmpty() && System.nanoTime() < deadline) {
			answers.add(status(app.port(), READINESS));
			exit = app.awaitExit(Duration.ofMillis(20));
		}
		return exit;
	}

	private static int matchStart(String text, Pattern pattern) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.start() : Integer.MAX_VALUE;
	}

	private static int v1Checksum(String url) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, "advisor", "");
				PreparedStatement query = db
					.prepareStatement("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
				ResultSet rs = query.executeQuery()) {
			assertThat(rs.next()).as("V1 in the migration history").isTrue();
			return rs.getInt(1);
		}
	}

	private static void setV1Checksum(String url, int checksum) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, "advisor", "");
				PreparedStatement update = db
					.prepareStatement("UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = '1'")) {
			update.setInt(1, checksum);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static int savedRows(String url) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, "advisor", "");
				ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM saved_scenario")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static String savedName(String url, String id) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, "advisor", "");
				PreparedStatement query = db.prepareStatement("SELECT name FROM saved_scenario WHERE id = ?")) {
			query.setString(1, id);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
