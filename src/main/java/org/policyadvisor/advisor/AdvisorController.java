package org.policyadvisor.advisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
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

	private static final List<Strength> STRENGTHS_STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	private final RuleBase ruleBase;

	AdvisorController(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
	}

	/** The form, pre-filled with the early-2019 situation or with the conditions carried in the query string. */
	@GetMapping("/")
	String form(@RequestParam Map<String, String> params, Model model) {
		RulePack pack = this.ruleBase.pack();
		model.addAttribute("form",
				formView(pack, ConditionValidator.validate(pack, params, false), "all".equals(params.get("expand"))));
		return VIEW_FORM;
	}

	@GetMapping("/advice")
	String advice(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		RulePack pack = this.ruleBase.pack();
		ConditionValidator.Result input = ConditionValidator.validate(pack, params, false);
		if (!input.valid()) {
			model.addAttribute("form", formView(pack, input, false));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW_FORM;
		}
		Evaluation evaluation = this.ruleBase.evaluate(input.values());
		model.addAttribute("advice", AdviceView.of(pack, evaluation));
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

	/** Keeps every valid answer; only the bad ones fall back to their defaults, each with its message. */
	private static FormView formView(RulePack pack, ConditionValidator.Result input, boolean expandAll) {
		Map<String, String> shown = new LinkedHashMap<>(input.values());
		input.errors().keySet().forEach((id) -> shown.put(id, pack.condition(id).orElseThrow().defaultValue()));
		return FormView.of(pack, shown, input.errors(), expandAll);
	}

	private static String query(Map<String, String> values) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		values.forEach(builder::queryParam);
		return builder.encode().build().getQuery();
	}

}
