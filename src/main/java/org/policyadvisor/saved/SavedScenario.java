package org.policyadvisor.saved;

import java.time.Instant;
import java.util.Map;

/**
 * A scenario a user saved: a name, notes and the answers to the form's questions.
 *
 * @param id the public view id, random (see {@link org.policyadvisor.sharing.SecretLinks})
 * @param conditions the answers, by condition id, as saved; they may name conditions a later rule pack no longer has
 * @param packVersion the version of the rule pack the scenario was saved under
 */
public record SavedScenario(String id, String name, String notes, Map<String, String> conditions,
		String packVersion, Instant createdAt, Instant updatedAt) {

	public static final int MAX_NAME = 120;

	public static final int MAX_NOTES = 4000;

}
