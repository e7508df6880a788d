package org.policyadvisor.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tabletop exercise as stored: where it starts and the turns played so far. The edit token's hash is not part of
 * it, so that nothing rendered from an exercise can carry it.
 *
 * @param startLabel where the start conditions came from, in words ("Preset: 2018–19: …")
 * @param startConditions the conditions at the start, as stored (every condition of the pack when it was created)
 * @param packVersion the rule pack's version when the exercise was created
 * @param turns in order, numbered from 1
 */
record Exercise(String id, String title, String briefing, String startLabel, Map<String, String> startConditions,
		String packVersion, Instant createdAt, Instant updatedAt, List<Turn> turns) {

	Exercise {
		startConditions = Map.copyOf(startConditions);
		turns = List.copyOf(turns);
	}

	/** One step of the exercise: events (injects) that change conditions, after which the rules fire again. */
	record Turn(int number, String title, Instant createdAt, List<Inject> injects) {

		Turn {
			injects = List.copyOf(injects);
		}

	}

	/** One event of a turn: a condition set to a new value, with the facilitator's note of what happened. */
	record Inject(String conditionId, String value, String note) {
	}

	public int lastTurnNumber() {
		return this.turns.isEmpty() ? 0 : this.turns.get(this.turns.size() - 1).number();
	}

}
