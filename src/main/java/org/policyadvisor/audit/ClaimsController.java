package org.policyadvisor.audit;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The claims matrix for analysts: every encoded claim, its citation, and what exercises it. */
@Controller
class ClaimsController {

	static final String VIEW_CLAIMS = "audit/claims";

	private final ClaimsMatrix matrix;

	ClaimsController(ClaimsMatrix matrix) {
		this.matrix = matrix;
	}

	/** {@code unexercised}: show only the claims that no scenario of the pack exercises. */
	@GetMapping("/claims")
	String claims(@RequestParam(defaultValue = "false") boolean unexercised, Model model) {
		model.addAttribute("matrix", this.matrix);
		model.addAttribute("unexercised", unexercised);
		model.addAttribute("chapters", unexercised ? this.matrix.unexercisedByChapter() : this.matrix.byChapter());
		return VIEW_CLAIMS;
	}

	record ClaimJson(String id, String claim, String chapter, String source, String quote, String strength,
			String location, List<String> reads, List<String> produces, List<ClaimsMatrix.TestRef> tests,
			List<String> scenarios) {
	}

	@GetMapping(path = "/api/claims", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<ClaimJson> claimsJson() {
		return this.matrix.claims().stream()
			.map((c) -> new ClaimJson(c.rule().id(), c.rule().claim(), c.chapter().title(), c.rule().source(),
					c.rule().quote(), c.rule().strength().label(), c.rule().location(), c.rule().reads(),
					c.rule().produces(), c.tests(), c.scenarios().stream().map((s) -> s.id()).toList()))
			.toList();
	}

}
