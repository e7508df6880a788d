package org.policyadvisor.exercise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.policyadvisor.sharing.SecretLinks;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exercises in the database, with plain SQL. Every method that takes an id answers "not there" for a malformed one
 * without a query. Checking the edit token is the caller's business ({@link #editTokenHash}, then
 * {@link SecretLinks#matches}); the changes here assume it was done.
 */
@Repository
class ExerciseRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> CONDITIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ExerciseRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A new exercise's public id and its edit token, which exists only in this answer: only its hash is kept. */
	record Created(String id, String editToken) {
	}

	/** A line of the list of exercises. */
	record Summary(String id, String title, int turns, Instant updatedAt) {
	}

	Created create(NewExercise exercise) {
		String id = SecretLinks.newId();
		String token = SecretLinks.newToken();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				INSERT INTO exercise (id, edit_token_hash, title, briefing, start_label, start_conditions,
				                      pack_version, created_at, updated_at)
				VALUES (:id, :hash, :title, :briefing, :startLabel, :conditions, :packVersion, :now, :now)
				""")
			.param("id", id)
			.param("hash", SecretLinks.hash(token))
			.param("title", exercise.title())
			.param("briefing", exercise.briefing())
			.param("startLabel", exercise.startLabel())
			.param("conditions", JSON.writeValueAsString(exercise.startConditions()))
			.param("packVersion", exercise.packVersion())
			.param("now", now)
			.update();
		return new Created(id, token);
	}

	Optional<Exercise> find(String id) {
		if (!SecretLinks.isWellFormedId(id)) {
			return Optional.empty();
		}
		return this.transactions.execute((status) -> {
			Optional<Row> row = this.jdbc.sql("""
					SELECT id, title, briefing, start_label, start_conditions, pack_version, created_at, updated_at
					FROM exercise WHERE id = :id
					""").param("id", id).query(ExerciseRepository::row).optional();
			return row.map((r) -> r.with(turns(id)));
		});
	}

	/** When the exercise last changed; empty when there is no such exercise. */
	Optional<Instant> updatedAt(String id) {
		if (!SecretLinks.isWellFormedId(id)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT updated_at FROM exercise WHERE id = :id").param("id", id)
			.query((rs, n) -> instant(rs, "updated_at")).optional();
	}

	/** The stored hash of the exercise's edit token; empty when there is no such exercise. */
	Optional<String> editTokenHash(String id) {
		if (!SecretLinks.isWellFormedId(id)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT edit_token_hash FROM exercise WHERE id = :id").param("id", id)
			.query(String.class).optional();
	}

	/**
	 * Adds a turn after the last one.
	 * @return the new turn's number; empty when the exercise no longer exists
	 */
	OptionalInt addTurn(String id, String title, List<Exercise.Inject> injects) {
		if (!SecretLinks.isWellFormedId(id)) {
			return OptionalInt.empty();
		}
		Integer added = this.transactions.execute((status) -> {
			// Locking the exercise's row makes two facilitators adding a turn at once take numbers one after the
			// other, and a turn added while the exercise is deleted fail cleanly rather than on the foreign key.
			if (this.jdbc.sql("SELECT id FROM exercise WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
				.optional()
				.isEmpty()) {
				return null;
			}
			int number = this.jdbc.sql("SELECT COALESCE(MAX(turn_number), 0) FROM exercise_turn WHERE exercise_id = :id")
				.param("id", id).query(Integer.class).single() + 1;
			OffsetDateTime now = now();
			this.jdbc.sql("""
					INSERT INTO exercise_turn (exercise_id, turn_number, title, created_at)
					VALUES (:id, :number, :title, :now)
					""").param("id", id).param("number", number).param("title", title).param("now", now).update();
			for (int i = 0; i < injects.size(); i++) {
				Exercise.Inject inject = injects.get(i);
				this.jdbc.sql("""
						INSERT INTO exercise_inject (exercise_id, turn_number, inject_number, condition_id, new_value, note)
						VALUES (:id, :number, :position, :condition, :value, :note)
						""")
					.param("id", id)
					.param("number", number)
					.param("position", i + 1)
					.param("condition", inject.conditionId())
					.param("value", inject.value())
					.param("note", inject.note())
					.update();
			}
			touch(id, now);
			return number;
		});
		return (added != null) ? OptionalInt.of(added) : OptionalInt.empty();
	}

	/**
	 * Removes the last turn, if it is the one named: a repeated or stale "undo" then removes nothing more.
	 * @return whether a turn was removed
	 */
	boolean undoTurn(String id, int number) {
		if (!SecretLinks.isWellFormedId(id)) {
			return false;
		}
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (this.jdbc.sql("SELECT id FROM exercise WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
				.optional()
				.isEmpty()) {
				return false;
			}
			int last = this.jdbc.sql("SELECT COALESCE(MAX(turn_number), 0) FROM exercise_turn WHERE exercise_id = :id")
				.param("id", id).query(Integer.class).single();
			if (last == 0 || last != number) {
				return false;
			}
			// The turn's injects go with it (ON DELETE CASCADE).
			this.jdbc.sql("DELETE FROM exercise_turn WHERE exercise_id = :id AND turn_number = :number")
				.param("id", id).param("number", number).update();
			touch(id, now());
			return true;
		}));
	}

	boolean updateDetails(String id, String title, String briefing) {
		if (!SecretLinks.isWellFormedId(id)) {
			return false;
		}
		return this.jdbc.sql("UPDATE exercise SET title = :title, briefing = :briefing, updated_at = :now WHERE id = :id")
			.param("title", title).param("briefing", briefing).param("now", now()).param("id", id)
			.update() == 1;
	}

	/** Deletes the exercise with its turns and injects (ON DELETE CASCADE). */
	boolean delete(String id) {
		if (!SecretLinks.isWellFormedId(id)) {
			return false;
		}
		return this.jdbc.sql("DELETE FROM exercise WHERE id = :id").param("id", id).update() == 1;
	}

	/** The most recently changed exercises first. */
	List<Summary> recent(int limit) {
		return this.jdbc.sql("""
				SELECT e.id, e.title, e.updated_at,
				       (SELECT COUNT(*) FROM exercise_turn t WHERE t.exercise_id = e.id) AS turns
				FROM exercise e
				ORDER BY e.updated_at DESC, e.id
				FETCH FIRST :limit ROWS ONLY
				""").param("limit", limit)
			.query((rs, n) -> new Summary(rs.getString("id"), rs.getString("title"), rs.getInt("turns"),
					instant(rs, "updated_at")))
			.list();
	}

	int count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM exercise").query(Integer.class).single();
	}

	private List<Exercise.Turn> turns(String id) {
		Map<Integer, List<Exercise.Inject>> injects = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT turn_number, condition_id, new_value, note FROM exercise_inject
				WHERE exercise_id = :id ORDER BY turn_number, inject_number
				""").param("id", id).query((rs) -> {
				injects.computeIfAbsent(rs.getInt("turn_number"), (k) -> new ArrayList<>())
					.add(new Exercise.Inject(rs.getString("condition_id"), rs.getString("new_value"),
							rs.getString("note")));
			});
		return this.jdbc.sql("""
				SELECT turn_number, title, created_at FROM exercise_turn
				WHERE exercise_id = :id ORDER BY turn_number
				""").param("id", id)
			.query((rs, n) -> new Exercise.Turn(rs.getInt("turn_number"), rs.getString("title"),
					instant(rs, "created_at"), injects.getOrDefault(rs.getInt("turn_number"), List.of())))
			.list();
	}

	private void touch(String id, OffsetDateTime now) {
		this.jdbc.sql("UPDATE exercise SET updated_at = :now WHERE id = :id").param("now", now).param("id", id)
			.update();
	}

	/** An exercise's own columns, before its turns are read. */
	private record Row(String id, String title, String briefing, String startLabel, Map<String, String> conditions,
			String packVersion, Instant createdAt, Instant updatedAt) {

		Exercise with(List<Exercise.Turn> turns) {
			return new Exercise(this.id, this.title, this.briefing, this.startLabel, this.conditions,
					this.packVersion, this.createdAt, this.updatedAt, turns);
		}

	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("id"), rs.getString("title"), rs.getString("briefing"),
				rs.getString("start_label"), JSON.readValue(rs.getString("start_conditions"), CONDITIONS),
				rs.getString("pack_version"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** Microseconds at most, what both H2 and PostgreSQL keep, so that a value reads back as it was written. */
	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
