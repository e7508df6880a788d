package org.policyadvisor.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A save the user was told succeeded survives {@code kill -9}. Several clients save scenarios through the save form,
 * as a browser does (CSRF cookie and hidden field from the form page), and every save answered with the redirect to
 * its edit page is recorded; the application is killed with SIGKILL while they are still saving, restarted on the
 * same data directory, and every recorded save must be there with its name, notes and conditions, and its edit link
 * must still work. Three rounds, each killing a database that already survived the previous kills.
 */
class SaveDurabilityTests {

	private static final int ROUNDS = 3;

	private static final int CLIENTS = 6;

	/** Kill once this many saves of the round are acknowledged, with the clients still saving. */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

	private static final Pattern EDIT_LOCATION = Pattern
		.compile("/scenarios/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?done=created$");

	private static final Pattern SAVED_COUNT = Pattern.compile("<span>(\\d+) saved scenarios?</span>");

	private static final String[] OIL = { "low", "medium", "high" };

	private static final String[] WEST = { "low", "medium", "high" };

	private final JsonMapper json = JsonMapper.builder().build();

	/** A save as acknowledged to its client: what must be found after any number of kills. */
	record Save(String id, String token, String name, String notes, String oil, String west) {
	}

	@Test
	void everyAcknowledgedSaveSurvivesKillMinus9() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "durability-");
		Map<String, Save> acknowledged = new ConcurrentHashMap<>();
		AtomicInteger unanswered = new AtomicInteger();
		List<String> report = new ArrayList<>();
		long started = System.nanoTime();
		for (int round = 1; round <= ROUNDS; round++) {
			PackagedApplication app = PackagedApplication.start(data);
			try {
				if (round > 1) {
					assertAllThere(app, acknowledged);
				}
				int before = acknowledged.size();
				int exit = saveUntilKilled(app, round, acknowledged, unanswered);
				assertThat(exit).as("exit value of the killed application: 128 + SIGKILL").isEqualTo(137);
				report.add("round " + round + ": " + (acknowledged.size() - before) + " acknowledged, killed with exit "
						+ exit);
			}
			finally {
				app.close();
			}
		}
		PackagedApplication app = PackagedApplication.start(data);
		try {
			assertAllThere(app, acknowledged);
			int stored = storedCount(app);
			assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
			System.out.printf("Durability: %d rounds of kill -9 during concurrent saves (%d clients): %s; "
					+ "%d acknowledged saves, all %d found after the restarts with their content; %d rows stored "
					+ "(%d saves in flight at a kill were stored without being acknowledged; %d requests unanswered); "
					+ "%.1f s%n", ROUNDS, CLIENTS, String.join("; ", report), acknowledged.size(),
					acknowledged.size(), stored, stored - acknowledged.size(), unanswered.get(),
					(System.nanoTime() - started) / 1e9);
		}
		finally {
			app.close();
		}
	}

	/**
	 * Runs the clients until the application dies under them, which it does once enough saves are acknowledged.
	 *
	 * @return the killed application's exit value
	 */
	private int saveUntilKilled(PackagedApplication app, int round, Map<String, Save> acknowledged,
			AtomicInteger unanswered) throws Exception {
		AtomicInteger acknowledgedThisRound = new AtomicInteger();
		CountDownLatch enough = new CountDownLatch(1);
		List<Thread> clients = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				try {
					Browserlike browser = new Browserlike(app);
					browser.openSaveForm();
					for (int n = 0;; n++) {
						Save save = browser.save(round, client, n);
						if (save == null) {
							unanswered.incrementAndGet();
							return;
						}
						acknowledged.put(save.id(), save);
						if (acknowledgedThisRound.incrementAndGet() >= ACKNOWLEDGED_BEFORE_KILL) {
							enough.countDown();
						}
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
					enough.countDown();
				}
			}, "saver-" + round + "-" + c);
			thread.start();
			clients.add(thread);
		}
		assertThat(enough.await(120, TimeUnit.SECONDS)).as("enough saves acknowledged in round " + round).isTrue();
		int exit = app.kill();
		for (Thread thread : clients) {
			thread.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
		}
		assertThat(failures).as("clients' unexpected answers").isEmpty();
		return exit;
	}

	/** Every acknowledged save, as saved, by its view id; and its edit link still opens its edit page. */
	private void assertAllThere(PackagedApplication app, Map<String, Save> acknowledged) throws Exception {
		List<String> missing = new ArrayList<>();
		for (Save save : acknowledged.values()) {
			HttpResponse<String> response = app.get("/api/scenarios/saved/" + save.id());
			if (response.statusCode() != 200) {
				missing.add(save.name() + " (" + save.id() + "): " + response.statusCode());
				continue;
			}
			JsonNode stored = this.json.readTree(response.body());
			assertThat(stored.get("name").asString()).isEqualTo(save.name());
			assertThat(stored.get("notes").asString()).isEqualTo(save.notes());
			assertThat(stored.get("conditions").get("oil_price").asString()).isEqualTo(save.oil());
			assertThat(stored.get("conditions").get("western_engagement").asString()).isEqualTo(save.west());
		}
		assertThat(missing).as("acknowledged saves missing after kill -9 and restart").isEmpty();
		// The edit tokens survived too: a sample of edit links still opens the edit page.
		for (Save save : acknowledged.values().stream().limit(10).toList()) {
			assertThat(app.get("/scenarios/" + save.id() + "/edit/" + save.token()).statusCode()).isEqualTo(200);
		}
	}

	private static int storedCount(PackagedApplication app) throws Exception {
		Matcher m = SAVED_COUNT.matcher(app.get("/scenarios").body());
		assertThat(m.find()).as("the list says how many scenarios are saved").isTrue();
		return Integer.parseInt(m.group(1));
	}

	/** One client, with its own cookies, saving through the form as a browser would. */
	private static final class Browserlike {

		private final FormClient client;

		Browserlike(PackagedApplication app) {
			this.client = new FormClient(app);
		}

		/** The save form: its page sets the CSRF cookie and carries the token in a hidden field. */
		void openSaveForm() throws IOException, InterruptedException {
			assertThat(this.client.open("/scenarios/new").statusCode()).isEqualTo(200);
		}

		/** One save; {@code null} when no answer came, as when the application is killed under the request. */
		Save save(int round, int client, int n) throws InterruptedException {
			String name = "Round " + round + ", client " + client + ", save " + n;
			String notes = "Saved at " + System.nanoTime() + "\nby client " + client + " — “durability”";
			String oil = OIL[(client + n) % OIL.length];
			String west = WEST[(round + n) % WEST.length];
			HttpResponse<String> response;
			try {
				response = this.client.post("/scenarios", Map.of("name", name, "notes", notes, "oil_price", oil,
						"western_engagement", west));
			}
			catch (IOException killed) {
				return null;
			}
			assertThat(response.statusCode()).as("answer to " + name).isEqualTo(302);
			String location = response.headers().firstValue("Location").orElseThrow();
			Matcher m = EDIT_LOCATION.matcher(location);
			assertThat(m.find()).as("redirect to the new scenario's edit page: " + location).isTrue();
			return new Save(m.group(1), m.group(2), name, notes, oil, west);
		}

	}

}
