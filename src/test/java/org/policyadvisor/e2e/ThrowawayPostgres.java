package org.policyadvisor.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of its own in a temporary directory, from the server binaries of Debian's {@code postgresql}
 * package: {@code initdb}, then {@code pg_ctl start} on a free port, listening on 127.0.0.1 only, with trust
 * authentication; stopped and deleted on close. PostgreSQL refuses to run as root, so as root it runs as the
 * package's {@code postgres} user through {@code runuser}. Without the binaries (or, as root, that user), the test
 * that asks for it is skipped with a message.
 */
final class ThrowawayPostgres implements AutoCloseable {

	static final String DATABASE = "policyadvisor";

	static final String USER = "postgres";

	private final Path bin;

	private final Path dir;

	private final int port;

	private final boolean asPostgresUser;

	private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	static ThrowawayPostgres start() throws Exception {
		Optional<Path> bin = serverBinaries();
		Assumptions.assumeTrue(bin.isPresent(),
				"No PostgreSQL server binaries (initdb, pg_ctl; Debian package postgresql): PostgreSQL test skipped");
		boolean root = "root".equals(System.getProperty("user.name"));
		Optional<UserPrincipal> postgresUser = root ? postgresUser() : Optional.empty();
		Assumptions.assumeTrue(!root || postgresUser.isPresent(),
				"Running as root, and there is no 'postgres' user to run PostgreSQL as: PostgreSQL test skipped");
		Path dir = Files.createTempDirectory("policy-advisor-pg-");
		if (root) {
			Files.setOwner(dir, postgresUser.get());
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ThrowawayPostgres pg = new ThrowawayPostgres(bin.get(), dir, port, root);
		try {
			pg.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
					"--locale=C", "--no-sync");
			pg.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-o",
					"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "-w", "-t", "60", "start");
			try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), USER, "");
					Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE " + DATABASE);
			}
			return pg;
		}
		catch (Exception ex) {
			pg.close();
			throw ex;
		}
	}

	String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	private String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, "");
	}

	/** The newest installed major version's binaries, as Debian lays them out, or the ones on the PATH. */
	private static Optional<Path> serverBinaries() throws IOException {
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				Optional<Path> newest = versions.map((v) -> v.resolve("bin"))
					.filter((b) -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
					.max(Comparator.comparing((b) -> versionOf(b.getParent().getFileName().toString())));
				if (newest.isPresent()) {
					return newest;
				}
			}
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter((p) -> !p.isEmpty())
			.map(Path::of)
			.filter((b) -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
			.findFirst();
	}

	private static int versionOf(String folder) {
		return folder.matches("\\d+") ? Integer.parseInt(folder) : 0;
	}

	private static Optional<UserPrincipal> postgresUser() {
		try {
			return Optional.of(Path.of("/").getFileSystem().getUserPrincipalLookupService()
				.lookupPrincipalByName(USER));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private void run(String program, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if (this.asPostgresUser) {
			command.addAll(List.of("runuser", "-u", USER, "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(args));
		Path out = Files.createTempFile("policy-advisor-pg-", ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(program + " did not finish within 120 s: " + Files.readString(out));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
						+ ":\n" + Files.readString(out));
			}
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	@Override
	public void close() throws Exception {
		try {
			if (Files.exists(this.dir.resolve("data").resolve("postmaster.pid"))) {
				run("pg_ctl", "-D", this.dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(this.dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
