package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;

import org.springframework.stereotype.Component;

/**
 * Where an exercise can start: the early-2019 defaults or a preset scenario of the pack, each named on the form by a
 * key ({@code defaults}, {@code preset:<scenario id>}).
 * <p>
 * Saved scenarios are the next kind of start: a key {@code saved:<view id>} resolved here against the saved
 * scenarios' repository (their conditions, and "Saved scenario: <name>" as the label), and a field on the form for a
 * view link or id. They are not offered yet because that feature is not on this branch.
 */
@Component
class ExerciseStarts {

	static final String DEFAULTS = "defaults";

	static final String PRESET = "preset:";

	private final RulePack pack;

	ExerciseStarts(RulePack pack) {
		this.pack = pack;
	}

	/**
	 * A resolved start.
	 *
	 * @param label how the exercise names its start ("Preset: 2016: the April war")
	 * @param conditions every condition of the pack
	 */
	record Start(String key, String label, Map<String, String> conditions) {
	}

	record Option(String key, String title) {
	}

	record Group(String label, List<Option> options) {
	}

	/** The choices on the form, grouped as the scenario picker groups them. */
	List<Group> groups() {
		List<Group> groups = new ArrayList<>();
		groups.add(new Group("The paper's present", List.of(new Option(DEFAULTS, defaultsLabel()))));
		groups.add(presets("Moments in the paper", ScenarioKind.HISTORICAL));
		groups.add(presets("What if…", ScenarioKind.WHAT_IF));
		return groups.stream().filter((g) -> !g.options().isEmpty()).toList();
	}

	Optional<Start> resolve(String key) {
		if (DEFAULTS.equals(key)) {
			return Optional.of(new Start(DEFAULTS, defaultsLabel(), this.pack.defaults()));
		}
		if (key != null && key.startsWith(PRESET)) {
			return this.pack.scenario(key.substring(PRESET.length()))
				.map((s) -> new Start(key, "Preset: " + s.title(), this.pack.conditionsOf(s)));
		}
		return Optional.empty();
	}

	private Group presets(String label, ScenarioKind kind) {
		return new Group(label, this.pack.scenarios().stream().filter((s) -> s.kind() == kind)
			.map((Scenario s) -> new Option(PRESET + s.id(), s.title())).toList());
	}

	private static String defaultsLabel() {
		return "Early 2019: the situation the paper describes";
	}

}
