package org.policyadvisor.whatif;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;

import org.policyadvisor.engine.RulePack;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/what-if}: the analysis of the what-if page as JSON, for the conditions in the query string (as on
 * {@code /advice}: {@code scenario} and condition values on top). A GET because it changes nothing. Errors are
 * {@code application/problem+json} (see {@link WhatIfApiExceptionHandler}).
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class WhatIfApiController {

	private final WhatIfAnalysis analysis;

	private final RulePack pack;

	WhatIfApiController(WhatIfAnalysis analysis, RulePack pack) {
		this.analysis = analysis;
		this.pack = pack;
	}

	@GetMapping("/what-if")
	WhatIfJson whatIf(@RequestParam Map<String, String> params, HttpServletRequest http) {
		WhatIfRequest request = WhatIfRequest.parse(this.pack, params, true);
		if (!request.valid()) {
			throw new InvalidWhatIfRequestException(request);
		}
		WhatIf whatIf = this.analysis.analyse(request.values());
		String advice = http.getContextPath() + "/advice?";
		List<OutlookJson> risks = whatIf.risks().stream().map((o) -> outlook(request, o, advice)).toList();
		List<OutlookJson> recs = whatIf.recommendations().stream().map((o) -> outlook(request, o, advice)).toList();
		List<LeverageJson> ranking = whatIf.ranking().stream()
			.map((l) -> new LeverageJson(l.condition(), l.current(),
					l.best().stream().map(WhatIf.Option::value).toList(),
					l.best().isEmpty() ? List.of() : l.best().get(0).moved(),
					l.best().isEmpty() ? List.of() : l.best().get(0).effects()))
			.toList();
		return new WhatIfJson((request.scenario() != null) ? request.scenario().id() : null, whatIf.conditions(),
				risks, recs, ranking, whatIf.figures());
	}

	private OutlookJson outlook(WhatIfRequest request, WhatIf.Outlook o, String advice) {
		List<SuggestionJson> suggestions = o.suggestions().stream()
			.map((s) -> new SuggestionJson(s.changes(), WhatIfText.sentence(this.pack, o, s),
					advice + request.adviceQuery(this.pack, s.changes())))
			.toList();
		return new OutlookJson(o.conclusion().id(), o.conclusion().kind().name().toLowerCase(java.util.Locale.ROOT),
				o.conclusion().title(), o.holdsNow(), o.changesNeeded(), o.found(), suggestions,
				suggestions.isEmpty() ? WhatIfText.none(o) : null, o.cone());
	}

	/**
	 * @param scenario the scenario the conditions started from, when the request named one
	 * @param ranking every condition, those whose best single change moves most first; {@code best} is empty for
	 * one no change of which moves anything
	 */
	record WhatIfJson(@JsonInclude(JsonInclude.Include.NON_NULL) String scenario, Map<String, String> conditions,
			List<OutlookJson> risks, List<OutlookJson> recommendations, List<LeverageJson> ranking,
			WhatIf.Figures figures) {
	}

	/**
	 * @param changesNeeded 1 when single changes flip it, 2 when only pairs do, 0 when neither does
	 * @param found how many suggestions flip it; at most {@link WhatIf#PAIRS_LISTED} pairs are listed
	 * @param none why no suggestion is listed, in words; absent when there are suggestions
	 * @param cone how many conditions it depends on; pairs are searched among them
	 */
	record OutlookJson(String id, String kind, String title, boolean holdsNow, int changesNeeded, int found,
			List<SuggestionJson> suggestions, @JsonInclude(JsonInclude.Include.NON_NULL) String none, int cone) {
	}

	/** {@code advice} opens the result page with the changes applied. */
	record SuggestionJson(List<WhatIf.Change> changes, String text, String advice) {
	}

	/** {@code moved} and {@code effects}: what the first of the best values moves. */
	record LeverageJson(String condition, String current, List<String> best, List<String> moved,
			List<String> effects) {
	}

}
