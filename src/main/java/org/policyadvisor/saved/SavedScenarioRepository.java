package org.policyadvisor.saved;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.policyadvisor.sharing.SecretLinks;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved scenarios in the database. Every change takes the secret edit token and checks it against the stored hash;
 * reading needs only the (random) id.
 */
@Repository
public class SavedScenarioRepository {

	private static final TypeReference<TreeMap<String, String>> CONDITIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	public SavedScenarioRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new scenario and its edit token: the only time the token is known in clear, to be shown to its creator. */
	public record Created(SavedScenario scenario, String editToken) {
	}

	/** Saves a new scenario; once this returns, the row is committed (and, on the embedded database, on disk). */
	@Transactional
	public Created create(String name, String notes, Map<String, String> conditions, String packVersion) {
		String id = SecretLinks.newId();
		String token = SecretLinks.newToken();
		Instant now = now();
		this.jdbc.sql("""
				INSERT INTO saved_scenario (id, edit_token_hash, name, notes, conditions, pack_version, created_at,
				    updated_at)
				VALUES (:id, :hash, :name, :notes, :conditions, :version, :now, :now)""")
			.param("id", id)
			.param("hash", SecretLinks.hash(token))
			.param("name", name)
			.param("notes", notes)
			.param("conditions", write(conditions))
			.param("version", packVersion)
			.param("now", Timestamp.from(now))
			.update();
		return new Created(new SavedScenario(id, name, notes, new TreeMap<>(conditions), packVersion, now, now),
				token);
	}

	/**
	 * A copy of a scenario under a new id and edit token, named "Copy of …"; anyone may copy, as anyone may read.
	 * Empty when there is no such scenario.
	 */
	@Transactional
	public Optional<Created> duplicate(String id) {
		return find(id).map((original) -> create(copyName(original.name()), original.notes(), original.conditions(),
				original.packVersion()));
	}

	static String copyName(String name) {
		String copy = "Copy of " + name;
		if (copy.length() <= SavedScenario.MAX_NAME) {
			return copy;
		}
		int end = SavedScenario.MAX_NAME - 1;
		// Never cut a character in half.
		if (Character.isHighSurrogate(copy.charAt(end - 1))) {
			end--;
		}
		return copy.substring(0, end) + "…";
	}

	public Optional<SavedScenario> find(String id) {
		if (!SecretLinks.isWellFormedId(id)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM saved_scenario WHERE id = :id").param("id", id).query(this::map)
			.optional();
	}

	/** The most recently changed first. */
	public List<SavedScenario> list(int limit, int offset) {
		return this.jdbc.sql("SELECT * FROM saved_scenario ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM saved_scenario").query(Long.class).single();
	}

	/** Whether the token is this scenario's edit token; false for unknown ids and malformed tokens. */
	public boolean canEdit(String id, String token) {
		if (!SecretLinks.isWellFormedId(id)) {
			return false;
		}
		return this.jdbc.sql("SELECT edit_token_hash FROM saved_scenario WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map((hash) -> SecretLinks.matches(token, hash))
			.orElse(false);
	}

	/** Changes a scenario if the token is its edit token; empty when it is not (or the scenario does not exist). */
	@Transactional
	public Optional<SavedScenario> update(String id, String token, String name, String notes,
			Map<String, String> conditions, String packVersion) {
		if (!canEdit(id, token)) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				UPDATE saved_scenario SET name = :name, notes = :notes, conditions = :conditions,
				    pack_version = :version, updated_at = :now
				WHERE id = :id""")
			.param("id", id)
			.param("name", name)
			.param("notes", notes)
			.param("conditions", write(conditions))
			.param("version", packVersion)
			.param("now", Timestamp.from(now()))
			.update();
		return find(id);
	}

	/** Deletes a scenario if the token is its edit token; false when it is not (or there is no such scenario). */
	@Transactional
	public boolean delete(String id, String token) {
		if (!canEdit(id, token)) {
			return false;
		}
		return this.jdbc.sql("DELETE FROM saved_scenario WHERE id = :id").param("id", id).update() == 1;
	}

	private SavedScenario map(ResultSet rs, int row) throws SQLException {
		return new SavedScenario(rs.getString("id"), rs.getString("name"), rs.getString("notes"),
				read(rs.getString("conditions")), rs.getString("pack_version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private String write(Map<String, String> conditions) {
		return this.json.writeValueAsString(new TreeMap<>(conditions));
	}

	private Map<String, String> read(String conditions) {
		return this.json.readValue(conditions, CONDITIONS);
	}

	/** Millisecond precision: what both databases store, so a saved scenario reads back equal to what was returned. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
