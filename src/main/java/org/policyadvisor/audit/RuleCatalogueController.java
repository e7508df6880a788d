package org.policyadvisor.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.PackDescriptor;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The rule catalogue: every rule with its citation, DRL, inputs and outputs, filtered by plain GET parameters so that
 * a filtered view works without JavaScript and can be bookmarked.
 */
@Controller
class RuleCatalogueController {

	static final String VIEW_RULES = "audit/rules";

	private static final List<Strength> STRENGTHS_STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	private final RuleCatalogue catalogue;

	private final RulePack pack;

	RuleCatalogueController(RuleCatalogue catalogue, RulePack pack) {
		this.catalogue = catalogue;
		this.pack = pack;
	}

	/** Parameters are bound as text so that a bad value is answered on the page, not by a bare error page. */
	@GetMapping("/rules")
	String rules(@RequestParam(required = false) String theme, @RequestParam(required = false) String strength,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String chapter,
			@RequestParam(name = "q", required = false) String text, Model model, HttpServletResponse response) {
		RuleFilter.Parsed parsed = RuleFilter.parse(this.pack, theme, strength, kind, chapter, text);
		List<RuleCatalogue.Entry> matches = this.catalogue.matching(parsed.filter());
		model.addAttribute("filter", parsed.filter());
		model.addAttribute("errors", parsed.errors());
		model.addAttribute("entries", matches);
		model.addAttribute("byChapter", byChapter(matches));
		model.addAttribute("total", this.catalogue.entries().size());
		model.addAttribute("themes", this.pack.descriptor().themes());
		model.addAttribute("strengths", STRENGTHS_STRONGEST_FIRST);
		model.addAttribute("kinds", Arrays.stream(ConclusionKind.values())
			.map((k) -> new Option(RuleFilter.param(k), RuleCatalogue.Product.kindLabel(k)))
			.toList());
		model.addAttribute("kindParam", (parsed.filter().kind() != null) ? RuleFilter.param(parsed.filter().kind()) : "");
		model.addAttribute("chapters", this.pack.descriptor().chapters());
		if (!parsed.errors().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return VIEW_RULES;
	}

	private static Map<PackDescriptor.Chapter, List<RuleCatalogue.Entry>> byChapter(List<RuleCatalogue.Entry> entries) {
		Map<PackDescriptor.Chapter, List<RuleCatalogue.Entry>> grouped = new LinkedHashMap<>();
		entries.forEach((e) -> grouped.computeIfAbsent(e.chapter(), (k) -> new ArrayList<>()).add(e));
		return grouped;
	}

	/** A value of a select: what the query string carries, and what the user reads. */
	record Option(String value, String label) {
	}

	/** A stable address for one rule, for links from outside the app; the catalogue holds it at its anchor. */
	@GetMapping("/rules/{id}")
	ResponseEntity<Void> rule(@PathVariable String id) {
		RuleDef rule = this.pack.rule(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/rules").fragment(rule.id()).build()
				.toUri())
			.build();
	}

}
