package org.policyadvisor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot application started as its own process for the benchmarks: launched, polled until it serves,
 * asked for its memory, and stopped. Requests here use plain sockets, so that what is timed is the server.
 */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final long launchedAt;

	private final int port;

	private final Path log;

	private AppProcess(Process process, long launchedAt, int port, Path log) {
		this.process = process;
		this.launchedAt = launchedAt;
		this.port = port;
		this.log = log;
	}

	/** Starts {@code java <jvmArgs> -jar <jar> --server.port=<free port> <appArgs>}, output to {@code log}. */
	static AppProcess start(String java, List<String> jvmArgs, Path jar, List<String> appArgs, Path log)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		// A database of its own for every launch: H2 locks its file, and the project folder stays clean.
		String name = log.getFileName().toString().replaceFirst("\\.log$", "");
		command.add("--advisor.data-dir=" + log.toAbsolutePath().getParent().resolveSibling("data").resolve(name));
		command.addAll(appArgs);
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		long launchedAt = System.nanoTime();
		return new AppProcess(builder.start(), launchedAt, port, log);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	String host() {
		return "127.0.0.1:" + this.port;
	}

	InetSocketAddress address() {
		return new InetSocketAddress("127.0.0.1", this.port);
	}

	/** Milliseconds since launch. */
	double elapsedMillis() {
		return (System.nanoTime() - this.launchedAt) / 1e6;
	}

	/**
	 * Polls every 5 ms until a GET of {@code path} answers 200 with a body containing {@code expected}; returns the
	 * milliseconds since launch.
	 */
	double awaitGet(String path, String expected, long timeoutMillis) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("the application exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				Response r = exchange(LoadGenerator.get(host(), path));
				if (r.status() == 200 && r.body().contains(expected)) {
					return elapsedMillis();
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(5);
		}
		throw new IOException("no answer from " + path + " within " + timeoutMillis + " ms; see " + this.log);
	}

	record Response(int status, String body, double millis) {
	}

	/** Sends one request on a new connection and reads the whole response (Connection: close). */
	Response exchange(byte[] request) throws IOException {
		String text = new String(request, StandardCharsets.ISO_8859_1).replaceFirst("\r\n", "\r\nConnection: close\r\n");
		long start = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(address(), 1000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] all = in.readAllBytes();
			double millis = (System.nanoTime() - start) / 1e6;
			String response = new String(all, StandardCharsets.UTF_8);
			int space = response.indexOf(' ');
			int status = (space > 0) ? Integer.parseInt(response.substring(space + 1, space + 4)) : 0;
			int bodyStart = response.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart >= 0) ? response.substring(bodyStart + 4) : "", millis);
		}
	}

	/** Resident set size in MB, from /proc. */
	double rssMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	/** Heap in use right after a full collection, in MB: {@code jcmd GC.run}, then {@code jstat -gc}. */
	double heapAfterGcMegabytes(String javaHome) throws IOException, InterruptedException {
		run(javaHome + "/bin/jcmd", String.valueOf(pid()), "GC.run");
		String jstat = run(javaHome + "/bin/jstat", "-gc", String.valueOf(pid()));
		String[] lines = jstat.strip().split("\n");
		String[] names = lines[0].trim().split("\\s+");
		String[] values = lines[lines.length - 1].trim().split("\\s+");
		double usedKb = 0;
		for (int i = 0; i < names.length && i < values.length; i++) {
			if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
				usedKb += Double.parseDouble(values[i]);
			}
		}
		return usedKb / 1024.0;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	/** The first group of the first line of the log matching {@code pattern}, or null. */
	String logValue(Pattern pattern) throws IOException {
		for (String line : Files.readAllLines(this.log, StandardCharsets.UTF_8)) {
			Matcher m = pattern.matcher(line);
			if (m.find()) {
				return m.group(1);
			}
		}
		return null;
	}

	String logLine(Pattern pattern) throws IOException {
		for (String line : Files.readAllLines(this.log, StandardCharsets.UTF_8)) {
			if (pattern.matcher(line).find()) {
				return line;
			}
		}
		return null;
	}

	/** Stops the application as a container would (SIGTERM), and waits for it to exit. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
