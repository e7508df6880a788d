package org.policyadvisor.exercise;

import java.util.Map;

/** What creating an exercise stores, once the form is validated. */
record NewExercise(String title, String briefing, String startLabel, Map<String, String> startConditions,
		String packVersion) {
}
