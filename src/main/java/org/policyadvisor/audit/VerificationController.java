package org.policyadvisor.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.policyadvisor.engine.RulePack;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The rule-set verification for analysts, as a page and as JSON for scripts. */
@Controller
class VerificationController {

	static final String VIEW_VERIFICATION = "audit/verification";

	private static final DateTimeFormatter COMPUTED_AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Verification verification;

	private final Map<String, String> conclusionTitles = new LinkedHashMap<>();

	VerificationController(Verification verification, RulePack pack) {
		this.verification = verification;
		pack.conclusions().forEach((c) -> this.conclusionTitles.put(c.id(), c.title()));
	}

	@GetMapping("/audit")
	String verification(Model model) {
		VerificationReport report = this.verification.report();
		model.addAttribute("report", report);
		model.addAttribute("computedAt", COMPUTED_AT.format(report.computedAt()));
		model.addAttribute("titles", this.conclusionTitles);
		return VIEW_VERIFICATION;
	}

	@GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	VerificationReport verificationJson() {
		return this.verification.report();
	}

}
