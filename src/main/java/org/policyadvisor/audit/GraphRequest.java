package org.policyadvisor.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the graph page and {@code /api/graph} are asked for, read from the query string: {@code theme},
 * {@code view} ({@code all} or {@code fired}), and a scenario to highlight, given as on the result page: its id in
 * {@code scenario}, and any condition values, which apply on top of it.
 *
 * @param given the condition values the query string carried, as given; kept to carry them on in links and forms
 * @param conditions every condition's value to evaluate, or {@code null} when nothing is to be highlighted or a value
 * is not valid
 * @param focus the id of a condition or conclusion to show selected on the page, or {@code null}
 * @param errors a message per parameter whose value is not valid; what it asked for is then left out
 */
record GraphRequest(CausalGraph.Selection selection, Scenario scenario, Map<String, String> given,
		Map<String, String> conditions, String focus, Map<String, String> errors) {

	static final String THEME = "theme";

	static final String VIEW = "view";

	static final String SCENARIO = "scenario";

	/** Selects a box once the page is drawn, as links from the rule catalogue do; the API ignores it. */
	static final String FOCUS = "focus";

	static final String VIEW_ALL = "all";

	static final String VIEW_FIRED = "fired";

	/**
	 * @param rejectUnknown whether parameters that are neither filters nor conditions are errors (the API) or ignored
	 * (a page's query string may carry other parameters)
	 */
	static GraphRequest parse(RulePack pack, Map<String, String> params, boolean rejectUnknown) {
		Map<String, String> errors = new LinkedHashMap<>();
		String theme = blankToNull(params.get(THEME));
		if (theme != null && pack.descriptor().themes().stream().noneMatch((t) -> t.id().equals(theme))) {
			errors.put(THEME, "There is no theme '" + shorten(theme) + "'; choose one from the list.");
		}
		String view = blankToNull(params.get(VIEW));
		if (view != null && !view.equals(VIEW_ALL) && !view.equals(VIEW_FIRED)) {
			errors.put(VIEW, "View must be all or fired (got '" + shorten(view) + "').");
		}
		String scenarioId = blankToNull(params.get(SCENARIO));
		Scenario scenario = (scenarioId != null) ? pack.scenario(scenarioId).orElse(null) : null;
		if (scenarioId != null && scenario == null) {
			errors.put(SCENARIO, "There is no scenario '" + shorten(scenarioId) + "' in this rule pack.");
		}
		Map<String, String> given = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (pack.condition(key).isPresent()) {
				given.put(key, value);
			}
			else if (rejectUnknown && !key.equals(THEME) && !key.equals(VIEW) && !key.equals(SCENARIO)
					&& !key.equals(FOCUS)) {
				errors.put(key, "'" + shorten(key) + "' is neither a filter (theme, view, scenario) nor a condition.");
			}
		});
		boolean firedOnly = VIEW_FIRED.equals(view);
		Map<String, String> conditions = null;
		// Only what fired needs something to have fired: without a scenario, the early-2019 situation.
		if (scenario != null || !given.isEmpty() || firedOnly) {
			Map<String, String> asked = new LinkedHashMap<>();
			if (scenario != null) {
				asked.putAll(scenario.conditions());
			}
			asked.putAll(given);
			ConditionValidator.Result input = ConditionValidator.validate(pack, asked, false);
			errors.putAll(input.errors());
			if (input.valid() && !errors.containsKey(SCENARIO)) {
				conditions = input.values();
			}
		}
		CausalGraph.Selection selection = new CausalGraph.Selection(errors.containsKey(THEME) ? null : theme,
				firedOnly && conditions != null);
		// A focus that names nothing is only a stale link: the page is still the page asked for, without a selection.
		String focus = blankToNull(params.get(FOCUS));
		if (focus != null && pack.condition(focus).isEmpty() && pack.conclusion(focus).isEmpty()) {
			focus = null;
		}
		return new GraphRequest(selection, scenario, given, conditions, focus, errors);
	}

	public boolean highlighted() {
		return this.conditions != null;
	}

	/** The query string that asks for the same again, without anything that was not valid; empty for none. */
	String query() {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		if (this.selection.theme() != null) {
			builder.queryParam(THEME, this.selection.theme());
		}
		if (this.selection.firedOnly()) {
			builder.queryParam(VIEW, VIEW_FIRED);
		}
		if (this.scenario != null) {
			builder.queryParam(SCENARIO, this.scenario.id());
		}
		if (this.conditions != null) {
			this.given.forEach(builder::queryParam);
		}
		String query = builder.encode().build().getQuery();
		return (query == null) ? "" : query;
	}

	/** The query string of the result page for the highlighted conditions, or {@code null} when there are none. */
	String adviceQuery() {
		if (this.conditions == null) {
			return null;
		}
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		if (this.scenario != null) {
			builder.queryParam(SCENARIO, this.scenario.id());
		}
		this.given.forEach(builder::queryParam);
		String query = builder.encode().build().getQuery();
		return (query == null) ? "" : query;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

}
