package org.policyadvisor.advisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.Strength;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The conditions form and the result page. Both are plain GETs: a result's URL carries its conditions, so it can be
 * bookmarked and shared, and no state changes on the server.
 */
@Controller
class AdvisorController {

	static final String VIEW_FORM = "advisor/form";

	static final String VIEW_RESULT = "advisor/result";

	static final String VIEW_ABOUT = "about";

	/** The query parameter naming a scenario of the pack, on the form and the result page. */
	static final String SCENARIO_PARAM = "scenario";

	/** The model attribute of the scenario picker, which the form's fragment reads. */
	static final String MODEL_SCENARIOS = "scenarios";

	private static final List<Strength> STRENGTHS_STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	private final RuleBase ruleBase;

	AdvisorController(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
	}

	/**
	 * The form, pre-filled with the early-2019 situation, with a scenario ({@code ?scenario=<id>}), or with the
	 * conditions carried in the query string, which apply on top of the scenario's.
	 */
	@GetMapping("/")
	String form(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		RulePack pack = this.ruleBase.pack();
		String id = scenarioId(params);
		Scenario scenario = (id != null) ? pack.scenario(id).orElse(null) : null;
		if (id != null && scenario == null) {
			return unknownScenario(pack, id, params, model, response);
		}
		model.addAttribute("form", formView(pack, ConditionValidator.validate(pack, startingFrom(scenario, params), false),
				"all".equals(params.get("expand"))));
		model.addAttribute(MODEL_SCENARIOS, ScenarioPicker.of(pack, scenario));
		return VIEW_FORM;
	}

	/** The result for the conditions in the query string; {@code ?scenario=<id>} evaluates a scenario directly. */
	@GetMapping("/advice")
	String advice(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		RulePack pack = this.ruleBase.pack();
		String id = scenarioId(params);
		Scenario scenario = (id != null) ? pack.scenario(id).orElse(null) : null;
		if (id != null && scenario == null) {
			return unknownScenario(pack, id, params, model, response);
		}
		ConditionValidator.Result input = ConditionValidator.validate(pack, startingFrom(scenario, params), false);
		if (!input.valid()) {
			model.addAttribute("form", formView(pack, input, false));
			model.addAttribute(MODEL_SCENARIOS, ScenarioPicker.of(pack, scenario));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW_FORM;
		}
		Evaluation evaluation = this.ruleBase.evaluate(input.values());
		model.addAttribute("advice", AdviceView.of(pack, evaluation));
		model.addAttribute("basis", ScenarioBasis.of(pack, scenario, input.values()));
		model.addAttribute("firings", evaluation.firings());
		String query = query(input.values());
		model.addAttribute("query", query);
		model.addAttribute("shareLink",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/advice").query(query).build().toUriString());
		model.addAttribute("strengths", STRENGTHS_STRONGEST_FIRST);
		return VIEW_RESULT;
	}

	@GetMapping("/about")
	String about() {
		return VIEW_ABOUT;
	}

	/** The id in the {@code scenario} parameter; {@code null} when there is none, as when "Choose…" is submitted. */
	static String scenarioId(Map<String, String> params) {
		String id = params.get(SCENARIO_PARAM);
		return (id == null || id.isBlank()) ? null : id.strip();
	}

	/**
	 * A scenario id the pack does not have, from a stale or mistyped link: the form, with a message and a 404, and
	 * any conditions the link also carried.
	 */
	private static String unknownScenario(RulePack pack, String id, Map<String, String> params, Model model,
			HttpServletResponse response) {
		model.addAttribute("form", formView(pack, ConditionValidator.validate(pack, startingFrom(null, params), false), false));
		model.addAttribute(MODEL_SCENARIOS, ScenarioPicker.unknown(pack, id));
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return VIEW_FORM;
	}

	/** The scenario's conditions, if there is one, with those given in the query string on top. */
	static Map<String, String> startingFrom(Scenario scenario, Map<String, String> params) {
		Map<String, String> given = new LinkedHashMap<>();
		if (scenario != null) {
			given.putAll(scenario.conditions());
		}
		given.putAll(params);
		given.remove(SCENARIO_PARAM);
		return given;
	}

	private static FormView formView(RulePack pack, ConditionValidator.Result input, boolean expandAll) {
		return FormView.of(pack, input, expandAll);
	}

	static String query(Map<String, String> values) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		values.forEach(builder::queryParam);
		return builder.encode().build().getQuery();
	}

}
