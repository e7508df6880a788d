package org.policyadvisor.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.policyadvisor.sharing.SecretLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository against a real embedded H2 with the Flyway migrations applied. Nothing is rolled back: each test
 * commits as the application does, and works on exercises of its own.
 */
@JdbcTest
@Import(ExerciseRepository.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ExerciseRepositoryTests {

	private static final Map<String, String> START = Map.of("oil_price", "medium", "western_engagement", "low");

	@Autowired
	private ExerciseRepository exercises;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createStoresTheExerciseAndOnlyTheHashOfItsEditToken() {
		Instant before = Instant.now().minusSeconds(1);
		ExerciseRepository.Created created = create("Baku under pressure");
		assertThat(SecretLinks.isWellFormedId(created.id())).isTrue();
		Exercise exercise = this.exercises.find(created.id()).orElseThrow();
		assertThat(exercise.title()).isEqualTo("Baku under pressure");
		assertThat(exercise.briefing()).isEqualTo("Line one\nLine two");
		assertThat(exercise.startLabel()).isEqualTo("Preset: 2016: the April war");
		assertThat(exercise.startConditions()).isEqualTo(START);
		assertThat(exercise.packVersion()).isEqualTo("1.0.0");
		assertThat(exercise.turns()).isEmpty();
		assertThat(exercise.createdAt()).isAfter(before).isEqualTo(exercise.updatedAt());
		String stored = this.exercises.editTokenHash(created.id()).orElseThrow();
		assertThat(stored).isNotEqualTo(created.editToken()).isEqualTo(SecretLinks.hash(created.editToken()));
		assertThat(SecretLinks.matches(created.editToken(), stored)).isTrue();
	}

	@Test
	void turnsAreNumberedInOrderWithTheirInjectsInOrder() {
		String id = create("Turns").id();
		assertThat(this.exercises.addTurn(id, "Oil price crash",
				List.of(new Exercise.Inject("oil_price", "low", "Brent below $40")))).hasValue(1);
		assertThat(this.exercises.addTurn(id, "West re-engages",
				List.of(new Exercise.Inject("western_engagement", "high", "EU summit"),
						new Exercise.Inject("unemployment_poverty", "low", "")))).hasValue(2);
		Exercise exercise = this.exercises.find(id).orElseThrow();
		assertThat(exercise.turns()).extracting(Exercise.Turn::number, Exercise.Turn::title)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Oil price crash"),
					org.assertj.core.groups.Tuple.tuple(2, "West re-engages"));
		assertThat(exercise.turns().get(1).injects()).containsExactly(
				new Exercise.Inject("western_engagement", "high", "EU summit"),
				new Exercise.Inject("unemployment_poverty", "low", ""));
		assertThat(exercise.lastTurnNumber()).isEqualTo(2);
		assertThat(exercise.updatedAt()).isAfterOrEqualTo(exercise.turns().get(1).createdAt());
	}

	@Test
	void undoRemovesOnlyTheLastTurnNamedAndItsInjects() {
		String id = create("Undo").id();
		this.exercises.addTurn(id, "One", List.of(new Exercise.Inject("oil_price", "low", "")));
		this.exercises.addTurn(id, "Two", List.of(new Exercise.Inject("oil_price", "high", "")));
		// Not the last turn, and a turn that does not exist: nothing happens.
		assertThat(this.exercises.undoTurn(id, 1)).isFalse();
		assertThat(this.exercises.undoTurn(id, 3)).isFalse();
		assertThat(this.exercises.find(id).orElseThrow().turns()).hasSize(2);
		assertThat(this.exercises.undoTurn(id, 2)).isTrue();
		// The same undo again (a form sent twice) removes nothing more.
		assertThat(this.exercises.undoTurn(id, 2)).isFalse();
		assertThat(this.exercises.find(id).orElseThrow().turns()).extracting(Exercise.Turn::title).containsExactly("One");
		assertThat(injectRows(id)).isEqualTo(1);
		// The next turn takes the number freed.
		assertThat(this.exercises.addTurn(id, "Two again", List.of(new Exercise.Inject("oil_price", "high", ""))))
			.hasValue(2);
	}

	@Test
	void deleteTakesTheTurnsAndInjectsWithIt() {
		String id = create("Delete").id();
		String other = create("Kept").id();
		this.exercises.addTurn(id, "One", List.of(new Exercise.Inject("oil_price", "low", "a"),
				new Exercise.Inject("western_engagement", "high", "b")));
		this.exercises.addTurn(other, "One", List.of(new Exercise.Inject("oil_price", "low", "")));
		assertThat(injectRows(id)).isEqualTo(2);
		assertThat(this.exercises.delete(id)).isTrue();
		assertThat(this.exercises.find(id)).isEmpty();
		assertThat(this.exercises.editTokenHash(id)).isEmpty();
		assertThat(turnRows(id)).isZero();
		assertThat(injectRows(id)).isZero();
		assertThat(this.exercises.delete(id)).isFalse();
		assertThat(this.exercises.find(other).orElseThrow().turns()).hasSize(1);
		assertThat(injectRows(other)).isEqualTo(1);
	}

	@Test
	void aTurnForAnExerciseDeletedMeanwhileIsNotAdded() {
		String id = create("Gone").id();
		this.exercises.delete(id);
		assertThat(this.exercises.addTurn(id, "Late", List.of(new Exercise.Inject("oil_price", "low", ""))))
			.isEqualTo(OptionalInt.empty());
		assertThat(turnRows(id)).isZero();
	}

	@Test
	void detailsCanBeChanged() {
		String id = create("Old title").id();
		assertThat(this.exercises.updateDetails(id, "New title", "New briefing")).isTrue();
		Exercise exercise = this.exercises.find(id).orElseThrow();
		assertThat(exercise.title()).isEqualTo("New title");
		assertThat(exercise.briefing()).isEqualTo("New briefing");
		assertThat(this.exercises.updateDetails("AAAAAAAAAAAAAAAA", "x", "y")).isFalse();
	}

	@Test
	void malformedAndUnknownIdsFindNothingAndChangeNothing() {
		for (String id : new String[] { null, "", "short", "x' OR '1'='1", "AAAAAAAAAAAAAAAA" }) {
			assertThat(this.exercises.find(id)).isEmpty();
			assertThat(this.exercises.editTokenHash(id)).isEmpty();
			assertThat(this.exercises.addTurn(id, "t", List.of(new Exercise.Inject("oil_price", "low", ""))))
				.isEmpty();
			assertThat(this.exercises.undoTurn(id, 1)).isFalse();
			assertThat(this.exercises.updateDetails(id, "t", "b")).isFalse();
			assertThat(this.exercises.delete(id)).isFalse();
		}
	}

	@Test
	void theListShowsTheMostRecentlyChangedFirstWithTheirTurnCounts() throws Exception {
		String older = create("Older").id();
		Thread.sleep(5);
		String newer = create("Newer").id();
		Thread.sleep(5);
		this.exercises.addTurn(older, "Brings it to the top", List.of(new Exercise.Inject("oil_price", "low", "")));
		List<ExerciseRepository.Summary> recent = this.exercises.recent(1000);
		List<String> ids = recent.stream().map(ExerciseRepository.Summary::id).toList();
		assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
		assertThat(recent.get(ids.indexOf(older)).turns()).isEqualTo(1);
		assertThat(recent.get(ids.indexOf(newer)).turns()).isZero();
		assertThat(this.exercises.recent(1)).hasSize(1);
		assertThat(this.exercises.count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void facilitatorsAddingTurnsAtOnceGetNumbersOneAfterTheOther() throws Exception {
		String id = create("Busy").id();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<OptionalInt>> adds = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String title = "Turn from tab " + i;
				adds.add(() -> this.exercises.addTurn(id, title, List.of(new Exercise.Inject("oil_price", "low", ""))));
			}
			List<Integer> numbers = new ArrayList<>();
			for (Future<OptionalInt> f : pool.invokeAll(adds)) {
				numbers.add(f.get().getAsInt());
			}
			assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.exercises.find(id).orElseThrow().turns()).hasSize(8);
	}

	private ExerciseRepository.Created create(String title) {
		return this.exercises.create(new NewExercise(title, "Line one\nLine two", "Preset: 2016: the April war", START,
				"1.0.0"));
	}

	private int turnRows(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM exercise_turn WHERE exercise_id = :id").param("id", id)
			.query(Integer.class).single();
	}

	private int injectRows(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM exercise_inject WHERE exercise_id = :id").param("id", id)
			.query(Integer.class).single();
	}

}
