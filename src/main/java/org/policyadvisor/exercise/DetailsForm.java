package org.policyadvisor.exercise;

import java.util.LinkedHashMap;
import java.util.Map;

/** An exercise's title and briefing, as typed on the new-exercise form or the facilitator page. */
record DetailsForm(String title, String briefing) {

	static final int TITLE_MAX = 120;

	static final int BRIEFING_MAX = 4000;

	static final String TITLE = "title";

	static final String BRIEFING = "briefing";

	static DetailsForm of(String title, String briefing) {
		return new DetailsForm(FormText.clean(title, false), FormText.clean(briefing, true));
	}

	/** A message per field with a problem, by the field's id; empty when the details can be stored. */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.title.isEmpty()) {
			errors.put(TITLE, "Give the exercise a title, e.g. “Baku under pressure: a three-day crisis”.");
		}
		else if (this.title.length() > TITLE_MAX) {
			errors.put(TITLE, FormText.tooLong("The title", TITLE_MAX, this.title));
		}
		if (this.briefing.length() > BRIEFING_MAX) {
			errors.put(BRIEFING, FormText.tooLong("The briefing", BRIEFING_MAX, this.briefing));
		}
		return errors;
	}

}
