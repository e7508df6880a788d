package org.policyadvisor.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The application as users run it: the packaged jar started with {@code java -jar} in its own process.
 */
final class PackagedApplication implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private final long launchedAt;

	private final long startupMillis;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PackagedApplication(Process process, int port, Path log, long launchedAt, long startupMillis) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.launchedAt = launchedAt;
		this.startupMillis = startupMillis;
	}

	static final int PAGE_RANDOM_SCENARIOS = 10_000;

	private static PackagedApplication shared;

	/**
	 * One application for every test class that needs no start-up arguments of its own: starting the jar takes a
	 * good part of the browser tests' time. It stops when the test JVM exits.
	 */
	static synchronized PackagedApplication shared() throws Exception {
		if (shared == null || !shared.process.isAlive()) {
			// The verification page with 10,000 random scenarios rather than 100,000: the same code in a fraction of
			// the time; the command-line test runs the full verification.
			PackagedApplication app = start("--advisor.audit.random-scenarios=" + PAGE_RANDOM_SCENARIOS);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					app.close();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			shared = app;
		}
		return shared;
	}

	/** Starts the jar named by the {@code app.jar} system property and waits until it serves the form. */
	static PackagedApplication start(String... extraArgs) throws Exception {
		// Each run its own database, so tests never see each other's (or a developer's) saved scenarios.
		return start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-data-"), extraArgs);
	}

	/** Starts the jar on a given data directory: a restart finds there what the last run saved. */
	static PackagedApplication start(Path data, String... extraArgs) throws Exception {
		return start(Map.of(), data, extraArgs);
	}

	/** Starts the jar with environment variables of its own, as a deployment configures it. */
	static PackagedApplication start(Map<String, String> environment, Path data, String... extraArgs)
			throws Exception {
		PackagedApplication app = launch(environment, data, extraArgs);
		Process process = app.process;
		long deadline = app.launchedAt + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"The application exited with " + process.exitValue() + "; see " + app.log);
			}
			try {
				if (app.get("/").statusCode() == 200) {
					return new PackagedApplication(process, app.port, app.log, app.launchedAt,
							(System.nanoTime() - app.launchedAt) / 1_000_000);
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The application did not serve / within 120 s; see " + app.log);
	}

	/**
	 * Launches the jar on a data directory and returns at once, without waiting for it to serve: for tests of the
	 * start-up itself, and of start-ups that must fail.
	 */
	static PackagedApplication launch(Path data, String... extraArgs) throws IOException {
		return launch(Map.of(), data, extraArgs);
	}

	private static PackagedApplication launch(Map<String, String> environment, Path data, String... extraArgs)
			throws IOException {
		String jar = System.getProperty("app.jar");
		if (jar == null || !new File(jar).isFile()) {
			throw new IllegalStateException("Set -Dapp.jar to the packaged application (run through `./mvnw verify`)");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", jar, "--server.port=" + port,
				"--advisor.data-dir=" + data));
		command.addAll(List.of(extraArgs));
		Path log = Path.of("target", "e2e-app-" + port + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		long start = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		return new PackagedApplication(builder.start(), port, log, start, 0);
	}

	/** What a command of the jar printed, and its exit code. */
	record CommandResult(int exitCode, String out, String err) {
	}

	/**
	 * Runs {@code java -jar <the jar> <args>} as CI would, without the web server, and waits for it to exit.
	 */
	static CommandResult runCommand(Duration timeout, String... args) throws Exception {
		String jar = System.getProperty("app.jar");
		if (jar == null || !new File(jar).isFile()) {
			throw new IllegalStateException("Set -Dapp.jar to the packaged application (run through `./mvnw verify`)");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("policy-advisor-command", ".out");
		Path err = Files.createTempFile("policy-advisor-command", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("'" + String.join(" ", args) + "' did not finish within " + timeout);
			}
			return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** From process start to the first page served, in milliseconds. */
	long startupMillis() {
		return this.startupMillis;
	}

	/** A GET as a browser sends it, asking for HTML. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, Duration.ofSeconds(30));
	}

	/** A GET that may take longer, such as the first request for the verification, which computes it. */
	HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(timeout)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A GET whose body is kept as bytes, such as a PDF download. */
	HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Any request, for tests that shape their own (methods, headers, bodies). */
	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	long pid() {
		return this.process.pid();
	}

	int port() {
		return this.port;
	}

	/** Where the application's output (standard output and error) goes. */
	Path log() {
		return this.log;
	}

	/** Everything the application has written so far. */
	String logText() throws IOException {
		return Files.readString(this.log);
	}

	/** Milliseconds since the process was launched. */
	long millisSinceLaunch() {
		return (System.nanoTime() - this.launchedAt) / 1_000_000;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stops the application as a container or systemd does: {@link Process#destroy()} sends SIGTERM on Linux, which
	 * runs the JVM's shutdown hooks and so Spring's graceful shutdown.
	 */
	void terminate() {
		this.process.destroy();
	}

	/** Waits for the process to exit; its exit value, or empty if it is still running after {@code timeout}. */
	OptionalInt awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
				? OptionalInt.of(this.process.exitValue()) : OptionalInt.empty();
	}

	/** The process's resident memory, from /proc, in kilobytes. */
	long residentKilobytes() throws IOException {
		return Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElseThrow();
	}

	HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Kills the application as {@code kill -9} does: on Linux {@link Process#destroyForcibly()} sends SIGKILL, so no
	 * shutdown hook, no connection pool close and no database close runs.
	 *
	 * @return the exit value, 137 (128 + SIGKILL) when the signal did it
	 */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		return this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
