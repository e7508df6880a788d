package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Scenarios side by side. {@code GET /compare?s=<source>&s=<source>...} compares two to four (see {@link Source});
 * without sources it is the picker, which {@code ?from=<source>} fills in. The picker's form comes back here with a
 * text field per slot ({@code saved}) and is redirected to the comparison's own link, so that what is shared is a
 * plain list of sources. Any problem is shown on the picker, each at its source, with 400 or 404.
 */
@Controller
class CompareController {

	static final String VIEW_COMPARISON = "compare/comparison";

	static final String VIEW_PICKER = "compare/picker";

	static final String PARAM_SOURCE = "s";

	/** The picker's text fields, one per slot: a saved scenario's link or id, or any source. */
	static final String PARAM_TYPED = "saved";

	static final String PARAM_FROM = "from";

	private static final List<ConclusionKind> SECTIONS = List.of(ConclusionKind.RISK, ConclusionKind.RECOMMENDATION,
			ConclusionKind.DISPUTED);

	private static final List<Strength> STRENGTHS_STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	private final ScenarioSources sources;

	CompareController(ScenarioSources sources) {
		this.sources = sources;
	}

	/** Multi-valued parameters are read raw: bound to a list, one value with commas would be split into several. */
	@GetMapping("/compare")
	ModelAndView compare(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
		List<String> given = params.getOrDefault(PARAM_SOURCE, List.of());
		if (params.containsKey(PARAM_TYPED)) {
			return submitted(given, params.get(PARAM_TYPED), response);
		}
		if (given.isEmpty()) {
			return picker(params.getOrDefault(PARAM_FROM, List.of()), response);
		}
		ScenarioSources.Resolution resolution = this.sources.resolve(given);
		if (!resolution.ok()) {
			return pickerWithProblems(given, resolution, response);
		}
		Comparison comparison = Comparison.of(pack(), resolution.scenarios());
		ModelAndView mav = new ModelAndView(VIEW_COMPARISON);
		mav.addObject("comparison", comparison);
		mav.addObject("sections", SECTIONS);
		mav.addObject("strengths", STRENGTHS_STRONGEST_FIRST);
		List<String> canonical = comparison.scenarios().stream().map(ComparedScenario::canonical).toList();
		mav.addObject("editLink", link(PARAM_FROM, canonical));
		mav.addObject("apiLink", "/api" + link(PARAM_SOURCE, canonical));
		List<String> asBaseline = new ArrayList<>();
		for (int i = 0; i < canonical.size(); i++) {
			List<String> reordered = new ArrayList<>(canonical);
			reordered.add(0, reordered.remove(i));
			asBaseline.add(link(PARAM_SOURCE, reordered));
		}
		mav.addObject("asBaselineLinks", asBaseline);
		return mav;
	}

	/** The empty picker, or one filled in from a result page's link. */
	private ModelAndView picker(List<String> from, HttpServletResponse response) {
		Map<Integer, ScenarioSources.Problem> errors = new HashMap<>();
		for (int i = 0; i < Math.min(from.size(), ScenarioSources.MAX); i++) {
			Source.Parsed parsed = Source.parse(from.get(i));
			ScenarioSources.Problem problem = parsed.valid() ? this.sources.problemWith(i, parsed.source(), from.get(i))
					: new ScenarioSources.Problem(i, from.get(i), 400, parsed.error(), Map.of());
			if (problem != null) {
				errors.put(i, problem);
			}
		}
		String countError = (from.size() > ScenarioSources.MAX)
				? "Compare at most " + ScenarioSources.MAX + " scenarios at a time (" + from.size() + " given)." : null;
		ScenarioSources.Resolution checked = new ScenarioSources.Resolution(List.of(), List.copyOf(errors.values()),
				countError);
		if (!checked.ok()) {
			response.setStatus(checked.status());
		}
		return pickerView(from, errors, countError);
	}

	private ModelAndView pickerWithProblems(List<String> given, ScenarioSources.Resolution resolution,
			HttpServletResponse response) {
		Map<Integer, ScenarioSources.Problem> errors = new HashMap<>();
		resolution.problems().forEach((p) -> errors.put(p.index(), p));
		response.setStatus(resolution.status());
		return pickerView(given, errors, resolution.countError());
	}

	private ModelAndView pickerView(List<String> texts, Map<Integer, ScenarioSources.Problem> errors,
			String countError) {
		List<ComparePicker.Option> fromResults = new ArrayList<>();
		List<ComparePicker.Slot> slots = ComparePicker.prefill(pack(), texts, errors, fromResults);
		ModelAndView mav = new ModelAndView(VIEW_PICKER);
		mav.addObject("picker", ComparePicker.of(pack(), slots, fromResults, countError));
		return mav;
	}

	/**
	 * The picker's form: for each slot, its choice from the list and its text field, which wins when filled. Empty
	 * slots are skipped; the rest, when they resolve, are redirected to as the comparison's own link.
	 */
	private ModelAndView submitted(List<String> chosen, List<String> typed, HttpServletResponse response) {
		int slots = Math.max(chosen.size(), typed.size());
		List<String> texts = new ArrayList<>();
		List<Source.Parsed> parsed = new ArrayList<>();
		List<Integer> slotOf = new ArrayList<>();
		for (int i = 0; i < slots; i++) {
			String choice = (i < chosen.size() && chosen.get(i) != null) ? chosen.get(i).strip() : "";
			String text = (i < typed.size() && typed.get(i) != null) ? typed.get(i).strip() : "";
			if (choice.isEmpty() && text.isEmpty()) {
				continue;
			}
			Source.Parsed p;
			if (!choice.isEmpty() && !text.isEmpty()) {
				p = Source.Parsed.error("Choose from the list or enter a link, not both.");
			}
			else {
				p = text.isEmpty() ? Source.parse(choice) : Source.parseTyped(text, pack());
			}
			texts.add(text.isEmpty() ? choice : text);
			parsed.add(p);
			slotOf.add(i);
		}
		ScenarioSources.Resolution resolution = this.sources.resolveParsed(parsed, texts);
		if (resolution.ok()) {
			List<String> canonical = resolution.scenarios().stream().map(ComparedScenario::canonical).toList();
			RedirectView redirect = new RedirectView(link(PARAM_SOURCE, canonical), true);
			redirect.setExpandUriTemplateVariables(false);
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(redirect);
		}
		// The problems are shown at the slots they came from, with what was chosen or typed there kept.
		List<String> shown = new ArrayList<>();
		Map<Integer, ScenarioSources.Problem> errors = new HashMap<>();
		for (int i = 0; i < ScenarioSources.MAX; i++) {
			int at = slotOf.indexOf(i);
			shown.add((at >= 0) ? texts.get(at) : "");
		}
		for (ScenarioSources.Problem p : resolution.problems()) {
			int slot = slotOf.get(p.index());
			errors.put(slot, new ScenarioSources.Problem(slot, p.given(), p.status(), p.message(), p.fields()));
		}
		response.setStatus(resolution.status());
		return pickerView(shown, errors, resolution.countError());
	}

	/** {@code /compare} with each source as a parameter, encoded. */
	static String link(String param, List<String> sources) {
		return "/compare?" + sources.stream().map((s) -> param + "=" + Source.encode(s))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	private RulePack pack() {
		return this.sources.pack();
	}

}
