package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;
import org.policyadvisor.saved.SavedScenario;
import org.policyadvisor.saved.SavedScenarioRepository;
import org.policyadvisor.sharing.SecretLinks;

import org.springframework.stereotype.Component;

/**
 * Where an exercise can start: the early-2019 defaults or a preset scenario of the pack, each named on the form by a
 * key ({@code defaults}, {@code preset:<scenario id>}), or a saved scenario ({@code saved}), given by its view link or
 * id in a field of its own.
 */
@Component
class ExerciseStarts {

	static final String DEFAULTS = "defaults";

	static final String PRESET = "preset:";

	/** The key of "a saved scenario": which one is given in the form's field {@link #SAVED_FIELD}. */
	static final String SAVED = "saved";

	static final String SAVED_FIELD = "saved-scenario";

	private final RulePack pack;

	private final SavedScenarioRepository saved;

	ExerciseStarts(RulePack pack, SavedScenarioRepository saved) {
		this.pack = pack;
		this.saved = saved;
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
		groups.add(new Group("Saved scenarios", List.of(new Option(SAVED, "A saved scenario (give its link below)"))));
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

	/**
	 * A saved scenario as a start, from its view link or id as pasted: the id is the link's last path segment that
	 * can be one. Its answers are checked against the pack as it is now: conditions the pack no longer has are
	 * ignored, and an answer that is no longer allowed takes its early-2019 value.
	 */
	Optional<Start> saved(String reference) {
		return savedId(reference).flatMap(this.saved::find).map((SavedScenario s) -> {
			ConditionValidator.Result checked = ConditionValidator.validate(this.pack, s.conditions(), false);
			Map<String, String> conditions = new java.util.LinkedHashMap<>(checked.values());
			checked.errors().keySet().forEach((id) -> conditions.put(id,
					this.pack.condition(id).map(ConditionDef::defaultValue).orElseThrow()));
			return new Start(SAVED, "Saved scenario: " + s.name(), conditions);
		});
	}

	static Optional<String> savedId(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		String path = reference.strip();
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		int fragment = path.indexOf('#');
		path = (fragment >= 0) ? path.substring(0, fragment) : path;
		String[] segments = path.split("/");
		for (int i = segments.length - 1; i >= 0; i--) {
			if (SecretLinks.isWellFormedId(segments[i])) {
				return Optional.of(segments[i]);
			}
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
