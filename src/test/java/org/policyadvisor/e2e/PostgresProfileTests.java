package org.policyadvisor.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar with {@code --spring.profiles.active=postgres} and its connection in DATABASE_URL, DATABASE_USER
 * and DATABASE_PASSWORD, as the README tells an operator, against a real PostgreSQL: Flyway creates the schema, and
 * saving, changing and deleting a scenario go to PostgreSQL, not to the embedded database.
 */
class PostgresProfileTests {

	private static final Pattern EDIT_LOCATION = Pattern
		.compile("/scenarios/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?done=created$");

	@Test
	void theProfileMigratesPostgresqlAndKeepsSavedScenariosThere() throws Exception {
		try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
			Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-pg-data-");
			PackagedApplication app = PackagedApplication.start(Map.of("DATABASE_URL", pg.jdbcUrl(), "DATABASE_USER",
					ThrowawayPostgres.USER, "DATABASE_PASSWORD", ""), data, "--spring.profiles.active=postgres");
			try {
				try (Connection c = pg.connect(); Statement s = c.createStatement();
						ResultSet history = s.executeQuery(
								"SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
					assertThat(history.next()).as("Flyway's history in PostgreSQL").isTrue();
					assertThat(history.getString("version")).isEqualTo("1");
					assertThat(history.getBoolean("success")).isTrue();
				}

				FormClient browser = new FormClient(app);
				assertThat(browser.open("/scenarios/new?oil_price=low").statusCode()).isEqualTo(200);
				String name = "Kept in PostgreSQL – “ünïcode”";
				HttpResponse<String> saved = browser.post("/scenarios",
						Map.of("name", name, "notes", "line 1\nline 2", "oil_price", "low"));
				assertThat(saved.statusCode()).isEqualTo(302);
				Matcher location = EDIT_LOCATION.matcher(saved.headers().firstValue("Location").orElseThrow());
				assertThat(location.find()).isTrue();
				String id = location.group(1);
				String edit = "/scenarios/" + id + "/edit/" + location.group(2);
				assertThat(row(pg, id)).isEqualTo(name + "|line 1\nline 2|true");
				// Nothing went to the embedded database.
				assertThat(data).isEmptyDirectory();

				assertThat(app.get("/scenarios/" + id).body()).contains("Kept in PostgreSQL – “ünïcode”");
				assertThat(browser.open(edit).statusCode()).isEqualTo(200);
				assertThat(browser.post(edit, Map.of("name", "Renamed", "notes", "", "oil_price", "high"))
					.statusCode()).isEqualTo(302);
				assertThat(row(pg, id)).isEqualTo("Renamed||false");
				assertThat(browser.post(edit + "/delete", Map.of()).statusCode()).isEqualTo(302);
				assertThat(row(pg, id)).isNull();
			}
			finally {
				app.close();
			}
		}
	}

	/** name|notes|whether oil_price is low, of the row in PostgreSQL; null when there is none. */
	private static String row(ThrowawayPostgres pg, String id) throws Exception {
		try (Connection c = pg.connect();
				PreparedStatement s = c.prepareStatement("SELECT name, notes, conditions FROM saved_scenario WHERE id = ?")) {
			s.setString(1, id);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				return r.getString("name") + "|" + r.getString("notes") + "|"
						+ r.getString("conditions").contains("\"oil_price\":\"low\"");
			}
		}
	}

}
