package org.policyadvisor.advisor;

import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;

/**
 * The scenario picker above the form: the pack's scenarios grouped by kind, the one loaded (if any) with what it
 * sets, and a message when the requested scenario does not exist.
 *
 * @param selected the id of the scenario to show as chosen in the list; {@code null} for none
 * @param loaded the scenario whose conditions fill the form; {@code null} for none
 * @param error why the requested scenario could not be loaded; {@code null} when it was, or none was asked for
 */
record ScenarioPicker(List<Group> groups, String selected, Loaded loaded, String error) {

	/** Group labels, in the order the picker shows them. */
	private static final Map<ScenarioKind, String> GROUP_LABELS = Map.of(ScenarioKind.HISTORICAL,
			"Moments in the paper", ScenarioKind.WHAT_IF, "What if…");

	private static final List<ScenarioKind> GROUP_ORDER = List.of(ScenarioKind.HISTORICAL, ScenarioKind.WHAT_IF);

	record Group(String label, List<Scenario> scenarios) {
	}

	record Loaded(Scenario scenario, List<Setting> settings) {
	}

	/** One condition a scenario sets: the question, and the answer in the form's words. */
	record Setting(String question, String answer) {
	}

	/** Whether there is anything to pick: a pack without scenarios shows no picker at all. */
	public boolean available() {
		return !this.groups.isEmpty();
	}

	static ScenarioPicker of(RulePack pack, Scenario loaded) {
		return new ScenarioPicker(groups(pack), (loaded != null) ? loaded.id() : null,
				(loaded != null) ? new Loaded(loaded, settings(pack, loaded)) : null, null);
	}

	static ScenarioPicker unknown(RulePack pack, String requested) {
		String shown = (requested.length() > 60) ? requested.substring(0, 57) + "..." : requested;
		return new ScenarioPicker(groups(pack), null, null,
				"There is no scenario '" + shown + "' in this rule pack."
						+ (pack.scenarios().isEmpty() ? "" : " Choose one from the list."));
	}

	private static List<Group> groups(RulePack pack) {
		return GROUP_ORDER.stream()
			.map((kind) -> new Group(GROUP_LABELS.get(kind),
					pack.scenarios().stream().filter((s) -> s.kind() == kind).toList()))
			.filter((g) -> !g.scenarios().isEmpty())
			.toList();
	}

	private static List<Setting> settings(RulePack pack, Scenario scenario) {
		return scenario.conditions().entrySet().stream().map((e) -> {
			ConditionDef def = pack.condition(e.getKey()).orElseThrow();
			return new Setting(def.question(), def.labelOf(e.getValue()));
		}).toList();
	}

}
