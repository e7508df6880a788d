package org.policyadvisor.whatif;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.whatif.WhatIf.Change;

/**
 * The conditions the what-if page and {@code /api/what-if} are asked about, read from the query string as the
 * result page reads them: a scenario's id in {@code scenario}, and condition values, which apply on top of it.
 *
 * @param scenario the scenario asked for, or {@code null}
 * @param unknownScenario the id asked for when the pack has no such scenario, else {@code null}
 * @param given the condition values of the query string, as given
 * @param values every condition's value, or {@code null} when a value is not valid or the scenario is unknown
 * @param errors a message per condition whose value is not valid (and, for the API, per parameter it does not know)
 */
record WhatIfRequest(Scenario scenario, String unknownScenario, Map<String, String> given, Map<String, String> values,
		Map<String, String> errors) {

	static final String SCENARIO = "scenario";

	/**
	 * @param rejectUnknown whether parameters that are neither {@code scenario} nor a condition are errors (the API)
	 * or ignored (a page's query string may carry other parameters)
	 */
	static WhatIfRequest parse(RulePack pack, Map<String, String> params, boolean rejectUnknown) {
		String id = params.get(SCENARIO);
		id = (id == null || id.isBlank()) ? null : id.strip();
		Scenario scenario = (id != null) ? pack.scenario(id).orElse(null) : null;
		Map<String, String> given = new LinkedHashMap<>(params);
		given.remove(SCENARIO);
		Map<String, String> asked = new LinkedHashMap<>();
		if (scenario != null) {
			asked.putAll(scenario.conditions());
		}
		asked.putAll(given);
		ConditionValidator.Result input = ConditionValidator.validate(pack, asked, rejectUnknown);
		boolean known = id == null || scenario != null;
		return new WhatIfRequest(scenario, known ? null : id, given,
				(input.valid() && known) ? input.values() : null, input.errors());
	}

	boolean valid() {
		return this.values != null;
	}

	/** The query string of the same request: the scenario, if any, and the conditions as given. */
	String query() {
		Map<String, String> params = new LinkedHashMap<>();
		if (this.scenario != null) {
			params.put(SCENARIO, this.scenario.id());
		}
		params.putAll(this.given);
		return query(params);
	}

	/**
	 * The query string of the result page for these conditions with some changed, as short as it can be: the
	 * scenario, if any, and only the conditions that differ from it (else from the early-2019 defaults).
	 */
	String adviceQuery(RulePack pack, List<Change> changes) {
		Map<String, String> world = new LinkedHashMap<>(this.values);
		changes.forEach((c) -> world.put(c.condition(), c.to()));
		Map<String, String> base = (this.scenario != null) ? pack.conditionsOf(this.scenario) : pack.defaults();
		Map<String, String> params = new LinkedHashMap<>();
		if (this.scenario != null) {
			params.put(SCENARIO, this.scenario.id());
		}
		world.forEach((id, value) -> {
			if (!value.equals(base.get(id))) {
				params.put(id, value);
			}
		});
		return query(params);
	}

	/**
	 * Form-encoded, as browsers send a form and the servlet container decodes it: a value as given, whatever it
	 * holds ({@code &}, {@code +}, braces), comes back the same, which a URI template would not promise.
	 */
	private static String query(Map<String, String> params) {
		StringBuilder query = new StringBuilder();
		params.forEach((key, value) -> {
			if (!query.isEmpty()) {
				query.append('&');
			}
			query.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return query.toString();
	}

}
