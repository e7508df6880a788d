package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;

/**
 * The form that chooses what to compare: four slots, A (the baseline) to D, each a choice from a list (early 2019,
 * the presets, conditions carried over from a result) or a typed saved scenario's link or id.
 *
 * @param groups the list's options, shared by every slot
 * @param countError set when too few or too many scenarios were chosen
 */
record ComparePicker(List<OptionGroup> groups, List<Slot> slots, String countError) {

	static final String NONE = "";

	/** A group of the list; {@code label} is {@code null} for the options shown before any group. */
	record OptionGroup(String label, List<Option> options) {
	}

	record Option(String value, String label) {
	}

	/**
	 * One slot of the form.
	 *
	 * @param selected the value chosen in the list; {@link #NONE} for none
	 * @param typed what is in the text field
	 * @param error why this slot's choice cannot be compared; {@code null} when it can
	 * @param fields a message per condition that is not valid, by its question, for a source whose conditions are not
	 */
	record Slot(int index, String selected, String typed, String error, Map<String, String> fields) {

		public String letter() {
			return ScenarioSources.letter(this.index);
		}

		public boolean baseline() {
			return this.index == 0;
		}

	}

	/** Whether any slot has an error, or the count: the page then opens with a summary. */
	public int errorCount() {
		return (int) this.slots.stream().filter((s) -> s.error() != null).count() + ((this.countError != null) ? 1 : 0);
	}

	/** Builds the form for slots as given; slots past those given are empty. */
	static ComparePicker of(RulePack pack, List<Slot> given, List<Option> fromResults, String countError) {
		List<OptionGroup> groups = new ArrayList<>();
		groups.add(new OptionGroup(null, List.of(new Option(NONE, "Choose…"),
				new Option(Source.Kind.DEFAULTS.prefix(), "Early 2019 (the paper's situation)"))));
		if (!fromResults.isEmpty()) {
			groups.add(new OptionGroup("From a result", List.copyOf(fromResults)));
		}
		addPresets(pack, groups, ScenarioKind.HISTORICAL, "Moments in the paper");
		addPresets(pack, groups, ScenarioKind.WHAT_IF, "What if…");
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < ScenarioSources.MAX; i++) {
			slots.add((i < given.size()) ? given.get(i) : new Slot(i, NONE, "", null, Map.of()));
		}
		return new ComparePicker(List.copyOf(groups), List.copyOf(slots), countError);
	}

	private static void addPresets(RulePack pack, List<OptionGroup> groups, ScenarioKind kind, String label) {
		List<Option> options = pack.scenarios().stream().filter((s) -> s.kind() == kind)
			.map((Scenario s) -> new Option(Source.preset(s.id()).canonical(pack), s.title()))
			.toList();
		if (!options.isEmpty()) {
			groups.add(new OptionGroup(label, options));
		}
	}

	/**
	 * Slots filled from sources as a link gives them: a preset, early 2019 or a result's conditions is chosen in the
	 * list (a result's added to it), anything else is put in the text field as given, with its error, if any.
	 *
	 * @param errors by the index of the source, why it cannot be compared
	 * @param options receives the options added for results' conditions
	 */
	static List<Slot> prefill(RulePack pack, List<String> texts, Map<Integer, ScenarioSources.Problem> errors,
			List<Option> options) {
		List<Slot> slots = new ArrayList<>();
		Map<String, Option> added = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(texts.size(), ScenarioSources.MAX); i++) {
			String text = (texts.get(i) != null) ? texts.get(i).strip() : "";
			ScenarioSources.Problem problem = errors.get(i);
			String error = (problem != null) ? problem.message() : null;
			Map<String, String> fields = new LinkedHashMap<>();
			if (problem != null) {
				problem.fields().forEach((id, message) -> fields.put(
						pack.condition(id).map((c) -> c.question() + " (" + id + ")").orElse(Source.abbreviate(id)),
						message));
			}
			Source.Parsed parsed = Source.parse(text);
			boolean listed = parsed.valid() && problem == null && switch (parsed.source().kind()) {
				case DEFAULTS, CURRENT -> true;
				case PRESET -> pack.scenario(parsed.source().id()).isPresent();
				case SAVED -> false;
			};
			if (listed) {
				String value = parsed.source().canonical(pack);
				if (parsed.source().kind() == Source.Kind.CURRENT && !added.containsKey(value)) {
					int changed = Source.changedFromDefaults(pack, parsed.source().given()).size();
					added.put(value, new Option(value, "Result " + (added.size() + 1) + " (" + changed
							+ ((changed == 1) ? " answer" : " answers") + " changed from early 2019)"));
				}
				slots.add(new Slot(i, value, "", null, Map.of()));
			}
			else {
				slots.add(new Slot(i, NONE, text, error, fields));
			}
		}
		options.addAll(added.values());
		return slots;
	}

}
