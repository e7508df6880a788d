package org.policyadvisor.saved;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.UnsettledEvaluationException;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A saved scenario as its view page shows it: its answers beside the early-2019 ones, what follows from them under
 * the rules being served, and the answers set aside because the rule pack has changed since it was saved.
 *
 * @param query the answers that differ from early 2019, as the advisor's pages take them ({@code oil_price=low&...})
 * @param outcome what holds; {@code null} when the rules could not settle on these conditions
 */
record SavedScenarioView(SavedScenario scenario, List<ConditionRow> conditions, int changedCount,
		List<SavedConditions.Ignored> ignored, String query, Outcome outcome, boolean savedUnderOtherVersion) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	/** A condition of the pack with this scenario's answer and the early-2019 one. */
	record ConditionRow(String id, String question, String theme, String answer, String earlyAnswer,
			boolean changed) {
	}

	/** The risks and recommendations that hold under the scenario's conditions. */
	record Outcome(List<ConclusionDef> risks, List<ConclusionDef> recommendations) {
	}

	static SavedScenarioView of(RuleBase ruleBase, SavedScenario scenario) {
		RulePack pack = ruleBase.pack();
		SavedConditions conditions = SavedConditions.of(pack, scenario.conditions());
		Map<String, String> defaults = pack.defaults();
		List<ConditionRow> rows = pack.conditions().stream().map((c) -> {
			String value = conditions.values().get(c.id());
			return new ConditionRow(c.id(), c.question(), pack.themeTitle(c.theme()), c.labelOf(value),
					c.labelOf(c.defaultValue()), !value.equals(c.defaultValue()));
		}).toList();
		Map<String, String> changed = conditions.changedFrom(defaults);
		return new SavedScenarioView(scenario, rows, changed.size(), conditions.ignored(), query(changed),
				outcome(ruleBase, conditions.values()),
				!scenario.packVersion().equals(pack.descriptor().version()));
	}

	/** The changed answers first, as they are what makes this scenario what it is. */
	public List<ConditionRow> changedConditions() {
		return this.conditions.stream().filter(ConditionRow::changed).toList();
	}

	public String created() {
		return format(this.scenario.createdAt());
	}

	public String updated() {
		return format(this.scenario.updatedAt());
	}

	static String format(Instant instant) {
		return DATE.format(instant);
	}

	static String query(Map<String, String> values) {
		if (values.isEmpty()) {
			return "";
		}
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		values.forEach(builder::queryParam);
		return builder.build().encode().getQuery();
	}

	private static Outcome outcome(RuleBase ruleBase, Map<String, String> values) {
		Set<String> holding;
		try {
			holding = ruleBase.conclusions(values);
		}
		catch (UnsettledEvaluationException ex) {
			return null;
		}
		RulePack pack = ruleBase.pack();
		List<ConclusionDef> risks = pack.conclusions().stream()
			.filter((c) -> c.kind() == ConclusionKind.RISK && holding.contains(c.id()))
			.toList();
		List<ConclusionDef> recommendations = pack.conclusions().stream()
			.filter((c) -> c.kind() == ConclusionKind.RECOMMENDATION && holding.contains(c.id()))
			.toList();
		return new Outcome(risks, recommendations);
	}

}
