package org.policyadvisor.saved;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario saved under an older rule pack, read under the shipped one. */
class SavedConditionsTests {

	private final RulePack pack = TestPacks.shipped().pack();

	@Test
	void validAnswersAreKeptAndTheRestTakeTheirDefaults() {
		SavedConditions conditions = SavedConditions.of(this.pack, Map.of("oil_price", "low"));
		assertThat(conditions.ignored()).isEmpty();
		assertThat(conditions.values()).hasSize(this.pack.conditions().size())
			.containsEntry("oil_price", "low")
			.containsEntry("western_engagement", this.pack.condition("western_engagement").orElseThrow().defaultValue());
		assertThat(conditions.changedFrom(this.pack.defaults())).containsExactly(Map.entry("oil_price", "low"));
	}

	@Test
	void aQuestionThePackNoLongerAsksIsIgnoredAndNamed() {
		SavedConditions conditions = SavedConditions.of(this.pack, Map.of("retired_question", "yes", "oil_price", "low"));
		assertThat(conditions.values()).doesNotContainKey("retired_question").containsEntry("oil_price", "low");
		assertThat(conditions.ignored()).singleElement().satisfies((i) -> {
			assertThat(i.conditionId()).isEqualTo("retired_question");
			assertThat(i.savedValue()).isEqualTo("yes");
			assertThat(i.question()).isNull();
			assertThat(i.reason()).contains("no longer asks this question");
		});
	}

	@Test
	void anAnswerNoLongerAllowedFallsBackToTheDefaultAndSaysWhich() {
		SavedConditions conditions = SavedConditions.of(this.pack, Map.of("oil_price", "plenty"));
		String early = this.pack.condition("oil_price").orElseThrow().defaultValue();
		assertThat(conditions.values()).containsEntry("oil_price", early);
		assertThat(conditions.ignored()).singleElement().satisfies((i) -> {
			assertThat(i.question()).isEqualTo("What is the level of world oil prices?");
			assertThat(i.reason()).contains("'plenty' is no longer one of the choices", "Medium");
		});
		assertThat(conditions.changedFrom(this.pack.defaults())).isEmpty();
	}

	@Test
	void theValuesFollowThePacksOrderOfQuestions() {
		SavedConditions conditions = SavedConditions.of(this.pack, Map.of("oil_price", "low"));
		assertThat(conditions.values().keySet()).containsExactlyElementsOf(
				this.pack.conditions().stream().map((c) -> c.id()).toList());
	}

}
