package org.policyadvisor.saved;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.sharing.SecretLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real embedded H2 with the application's Flyway migrations applied. */
@JdbcTest
@Import(SavedScenarioRepository.class)
class SavedScenarioRepositoryTests {

	@Autowired
	private SavedScenarioRepository scenarios;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSavedScenarioReadsBackAsSaved() {
		SavedScenarioRepository.Created created = this.scenarios.create("Oil collapse", "for week 3",
				Map.of("oil_price", "low", "western_engagement", "high"), "1.0");
		assertThat(this.scenarios.find(created.scenario().id())).contains(created.scenario());
		assertThat(created.scenario().conditions()).containsEntry("oil_price", "low").hasSize(2);
	}

	@Test
	void onlyTheHashOfTheEditTokenIsStored() {
		SavedScenarioRepository.Created created = this.scenarios.create("A", "", Map.of(), "1.0");
		String stored = this.jdbc.sql("SELECT edit_token_hash FROM saved_scenario WHERE id = :id")
			.param("id", created.scenario().id()).query(String.class).single();
		assertThat(stored).isEqualTo(SecretLinks.hash(created.editToken())).isNotEqualTo(created.editToken());
	}

	@Test
	void changesNeedTheEditToken() {
		SavedScenarioRepository.Created created = this.scenarios.create("A", "", Map.of("oil_price", "low"), "1.0");
		String id = created.scenario().id();
		assertThat(this.scenarios.update(id, SecretLinks.newToken(), "B", "", Map.of(), "1.0")).isEmpty();
		assertThat(this.scenarios.update(id, null, "B", "", Map.of(), "1.0")).isEmpty();
		assertThat(this.scenarios.delete(id, "not-a-token")).isFalse();
		assertThat(this.scenarios.find(id)).contains(created.scenario());

		assertThat(this.scenarios.update(id, created.editToken(), "B", "n", Map.of("oil_price", "high"), "1.1"))
			.hasValueSatisfying((s) -> {
				assertThat(s.name()).isEqualTo("B");
				assertThat(s.conditions()).containsExactly(Map.entry("oil_price", "high"));
				assertThat(s.packVersion()).isEqualTo("1.1");
			});
		assertThat(this.scenarios.delete(id, created.editToken())).isTrue();
		assertThat(this.scenarios.find(id)).isEmpty();
	}

	@Test
	void unknownAndMalformedIdsAreSimplyAbsent() {
		assertThat(this.scenarios.find(SecretLinks.newId())).isEmpty();
		assertThat(this.scenarios.find("'; DROP TABLE saved_scenario; --")).isEmpty();
		assertThat(this.scenarios.canEdit(SecretLinks.newId(), SecretLinks.newToken())).isFalse();
		assertThat(this.scenarios.delete(SecretLinks.newId(), SecretLinks.newToken())).isFalse();
	}

	@Test
	void listsTheMostRecentlyChangedFirst() throws InterruptedException {
		String first = this.scenarios.create("first", "", Map.of(), "1.0").scenario().id();
		Thread.sleep(5);
		String second = this.scenarios.create("second", "", Map.of(), "1.0").scenario().id();
		assertThat(this.scenarios.list(10, 0)).extracting(SavedScenario::id).containsSubsequence(second, first);
		assertThat(this.scenarios.count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDuplicateIsANewScenarioWithItsOwnTokenAndTheSameContent() {
		SavedScenarioRepository.Created original = this.scenarios.create("Week 1", "notes",
				Map.of("oil_price", "low"), "1.0");
		SavedScenarioRepository.Created copy = this.scenarios.duplicate(original.scenario().id()).orElseThrow();
		assertThat(copy.scenario().id()).isNotEqualTo(original.scenario().id());
		assertThat(copy.editToken()).isNotEqualTo(original.editToken());
		assertThat(copy.scenario().name()).isEqualTo("Copy of Week 1");
		assertThat(copy.scenario().notes()).isEqualTo("notes");
		assertThat(copy.scenario().conditions()).isEqualTo(original.scenario().conditions());
		assertThat(this.scenarios.canEdit(copy.scenario().id(), original.editToken())).isFalse();
		assertThat(this.scenarios.canEdit(original.scenario().id(), copy.editToken())).isFalse();
		assertThat(this.scenarios.duplicate(SecretLinks.newId())).isEmpty();
	}

	@Test
	void aCopysNameStaysWithinTheLimitWithoutSplittingACharacter() {
		String copy = SavedScenarioRepository.copyName("x".repeat(SavedScenario.MAX_NAME));
		assertThat(copy).hasSize(SavedScenario.MAX_NAME).startsWith("Copy of xxx").endsWith("x…");
		// A name whose cut would fall inside an emoji (two UTF-16 units) loses the whole emoji.
		String emoji = "\uD83C\uDF0D";
		String name = "y".repeat(SavedScenario.MAX_NAME - "Copy of ".length() - 2) + emoji + "tail";
		String cut = SavedScenarioRepository.copyName(name);
		assertThat(cut).endsWith("y…").doesNotContain("\uD83C").hasSizeLessThanOrEqualTo(SavedScenario.MAX_NAME);
		// Saving the copy must fit the column.
		assertThat(this.scenarios.create(copy, "", Map.of(), "1.0").scenario().name()).isEqualTo(copy);
	}

	@Test
	void pagesDoNotOverlap() {
		for (int i = 0; i < 5; i++) {
			this.scenarios.create("page " + i, "", Map.of(), "1.0");
		}
		java.util.List<String> first = this.scenarios.list(3, 0).stream().map(SavedScenario::id).toList();
		java.util.List<String> second = this.scenarios.list(3, 3).stream().map(SavedScenario::id).toList();
		assertThat(first).hasSize(3).doesNotContainAnyElementsOf(second);
		assertThat(second).isNotEmpty();
	}

}
