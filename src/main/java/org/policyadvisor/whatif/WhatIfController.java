package org.policyadvisor.whatif;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.UnsettledEvaluationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The what-if page: for the conditions of a result (same query string as {@code /advice}), what would have to change
 * for each risk and recommendation to appear or disappear. A plain GET, like the result page, so it can be shared.
 */
@Controller
class WhatIfController {

	static final String VIEW_ANALYSIS = "whatif/analysis";

	static final String VIEW_PROBLEM = "whatif/problem";

	private final WhatIfAnalysis analysis;

	private final RulePack pack;

	WhatIfController(WhatIfAnalysis analysis, RulePack pack) {
		this.analysis = analysis;
		this.pack = pack;
	}

	@GetMapping("/what-if")
	String whatIf(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		WhatIfRequest request = WhatIfRequest.parse(this.pack, params, false);
		model.addAttribute("query", request.query());
		if (request.unknownScenario() != null) {
			// As on the result page: a stale or mistyped link, so "not found".
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problem", Problem.of("There is no scenario ‘" + shorten(request.unknownScenario())
					+ "’ in this rule pack.", Map.of()));
			return VIEW_PROBLEM;
		}
		if (!request.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> fields = new LinkedHashMap<>();
			request.errors().forEach((id, message) -> fields.put(
					this.pack.condition(id).map(ConditionDef::question).orElse(id), message));
			model.addAttribute("problem", Problem.of((fields.size() == 1) ? "One condition has a value that is not"
					+ " one of its answers." : fields.size() + " conditions have values that are not among their"
							+ " answers.", fields));
			return VIEW_PROBLEM;
		}
		WhatIf whatIf;
		try {
			whatIf = this.analysis.analyse(request.values());
		}
		catch (UnsettledEvaluationException ex) {
			response.setStatus(422);
			model.addAttribute("problem", Problem.of(ex.getMessage(), Map.of()));
			return VIEW_PROBLEM;
		}
		model.addAttribute("whatIf", WhatIfView.of(this.pack, request, whatIf));
		model.addAttribute("scenario", request.scenario());
		return VIEW_ANALYSIS;
	}

	/** Why the analysis could not be made: a message, and one per condition whose value is not valid. */
	record Problem(String message, Map<String, String> fields) {

		static Problem of(String message, Map<String, String> fields) {
			return new Problem(message, fields);
		}

	}

	private static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
