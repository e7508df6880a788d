package org.policyadvisor.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of conditions, read from {@code scenarios/<id>.yaml} of a pack, with the conclusions the paper leads
 * one to expect from it. {@code conditions} holds only what the scenario changes from the pack's early-2019 defaults,
 * so that a scenario stays valid, and keeps its meaning, when the pack gains conditions.
 *
 * @param id the file name without {@code .yaml}
 * @param period when a historical scenario applies; may be {@code null}
 * @param source the paper's section the scenario draws on; may be {@code null}
 * @param holds conclusions that must hold under the scenario
 * @param absent conclusions that must not hold under it
 */
public record Scenario(String id, String title, ScenarioKind kind, String period, String description, String source,
		Map<String, String> conditions, List<String> holds, List<String> absent) {

	public static final String FOLDER = "scenarios/";

	public static final String SUFFIX = ".yaml";

	public Scenario {
		// Kept in file order: it is the order the scenario's author chose to present the changes in.
		conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
		holds = List.copyOf(holds);
		absent = List.copyOf(absent);
	}

	/** The file the scenario was read from, within its pack. */
	public String file() {
		return FOLDER + this.id + SUFFIX;
	}

	/** Every condition of the pack: the scenario's own values over the given defaults, in the defaults' order. */
	public Map<String, String> over(Map<String, String> defaults) {
		Map<String, String> values = new LinkedHashMap<>(defaults);
		values.putAll(this.conditions);
		return values;
	}

}
