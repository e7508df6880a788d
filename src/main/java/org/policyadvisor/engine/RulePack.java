package org.policyadvisor.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated rule pack: its descriptor, catalogues and rules, with the DRL sources the rule base is built from.
 */
public final class RulePack {

	private final String folder;

	private final PackDescriptor descriptor;

	private final Map<String, ConditionDef> conditions;

	private final Map<String, ConclusionDef> conclusions;

	private final Map<String, RuleDef> rulesById;

	private final Map<String, RuleDef> rulesByName;

	private final List<PackFile> drlFiles;

	private final Map<String, Scenario> scenarios;

	/**
	 * The rules producing each conclusion, and the catalogues as lists: every evaluation explains each absent
	 * conclusion from the rules producing it, and the verifier runs hundreds of thousands of evaluations.
	 */
	private final Map<String, List<RuleDef>> producers;

	/** Rules by the condition and conclusion ids their premises read: the audit pages ask for every entry. */
	private final Map<String, List<RuleDef>> readers;

	private final List<ConditionDef> conditionList;

	private final List<ConclusionDef> conclusionList;

	private final List<RuleDef> ruleList;

	RulePack(String folder, PackDescriptor descriptor, List<ConditionDef> conditions,
			List<ConclusionDef> conclusions, List<RuleDef> rules, List<PackFile> drlFiles, List<Scenario> scenarios) {
		this.folder = folder;
		this.descriptor = descriptor;
		this.conditions = index(conditions, ConditionDef::id);
		this.conclusions = index(conclusions, ConclusionDef::id);
		this.rulesById = index(rules, RuleDef::id);
		this.rulesByName = index(rules, RuleDef::name);
		this.drlFiles = List.copyOf(drlFiles);
		this.scenarios = index(scenarios, Scenario::id);
		this.conditionList = List.copyOf(this.conditions.values());
		this.conclusionList = List.copyOf(this.conclusions.values());
		this.ruleList = List.copyOf(this.rulesById.values());
		Map<String, List<RuleDef>> producers = new LinkedHashMap<>();
		for (RuleDef rule : this.ruleList) {
			rule.produces().forEach((id) -> producers.computeIfAbsent(id, (k) -> new java.util.ArrayList<>()).add(rule));
		}
		producers.replaceAll((id, list) -> List.copyOf(list));
		this.producers = producers;
		Map<String, List<RuleDef>> readers = new LinkedHashMap<>();
		for (RuleDef rule : this.ruleList) {
			rule.reads().forEach((id) -> readers.computeIfAbsent(id, (k) -> new java.util.ArrayList<>()).add(rule));
		}
		readers.replaceAll((id, list) -> List.copyOf(list));
		this.readers = readers;
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		return items.stream()
			.collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	public String folder() {
		return this.folder;
	}

	public PackDescriptor descriptor() {
		return this.descriptor;
	}

	public List<ConditionDef> conditions() {
		return this.conditionList;
	}

	public List<ConclusionDef> conclusions() {
		return this.conclusionList;
	}

	public List<RuleDef> rules() {
		return this.ruleList;
	}

	public List<PackFile> drlFiles() {
		return this.drlFiles;
	}

	public Optional<ConditionDef> condition(String id) {
		return Optional.ofNullable(this.conditions.get(id));
	}

	public Optional<ConclusionDef> conclusion(String id) {
		return Optional.ofNullable(this.conclusions.get(id));
	}

	public Optional<RuleDef> rule(String id) {
		return Optional.ofNullable(this.rulesById.get(id));
	}

	Optional<RuleDef> ruleNamed(String name) {
		return Optional.ofNullable(this.rulesByName.get(name));
	}

	public List<RuleDef> rulesProducing(String conclusionId) {
		return this.producers.getOrDefault(conclusionId, List.of());
	}

	/** The rules that read a condition or conclusion in their premises. */
	public List<RuleDef> rulesReading(String id) {
		return this.readers.getOrDefault(id, List.of());
	}

	public String themeTitle(String themeId) {
		return this.descriptor.themes().stream().filter((t) -> t.id().equals(themeId)).map(Theme::title)
			.findFirst().orElse(themeId);
	}

	/** The early-2019 situation: every condition at its default. */
	public Map<String, String> defaults() {
		Map<String, String> values = new LinkedHashMap<>();
		this.conditions.values().forEach((c) -> values.put(c.id(), c.defaultValue()));
		return values;
	}

	/** The pack's scenarios, by file name; empty when it has no {@code scenarios/} folder. */
	public List<Scenario> scenarios() {
		return List.copyOf(this.scenarios.values());
	}

	public Optional<Scenario> scenario(String id) {
		return Optional.ofNullable(this.scenarios.get(id));
	}

	/** Every condition of the pack as the scenario sets it: its own values, and the early-2019 defaults for the rest. */
	public Map<String, String> conditionsOf(Scenario scenario) {
		return scenario.over(defaults());
	}

}
