package org.policyadvisor.advisor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.UnsettledEvaluationException;
import org.policyadvisor.report.PdfRenderer;
import org.policyadvisor.report.ReportFormat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A result as a file to keep: {@code /advice/report.pdf} and {@code /advice/report.md} take the same query string as
 * {@code /advice} and report what that page shows. Bad values are answered in plain text (400, or 404 for an unknown
 * scenario): a download link has no form to show them on.
 */
@Controller
class AdviceReportController {

	/** The PDF's print template. */
	static final String TEMPLATE_PDF = "report/advice";

	static final String FILE_PREFIX = "policy-advice-";

	private final RuleBase ruleBase;

	private final PdfRenderer pdfRenderer;

	private final Clock clock;

	AdviceReportController(RuleBase ruleBase, PdfRenderer pdfRenderer, ObjectProvider<Clock> clock) {
		this.ruleBase = ruleBase;
		this.pdfRenderer = pdfRenderer;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/advice/report.md")
	ResponseEntity<byte[]> markdown(@RequestParam Map<String, String> params) {
		Prepared prepared = prepare(params);
		byte[] body = AdviceReportMarkdown.write(prepared.report()).getBytes(StandardCharsets.UTF_8);
		return ReportFormat.MARKDOWN.attachment(prepared.fileName(), body);
	}

	@GetMapping("/advice/report.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params) {
		Prepared prepared = prepare(params);
		byte[] body = this.pdfRenderer.render(TEMPLATE_PDF, Map.of("report", prepared.report()));
		return ReportFormat.PDF.attachment(prepared.fileName(), body);
	}

	/** The report of the conditions in the query string, as {@code /advice} reads them. */
	private Prepared prepare(Map<String, String> params) {
		RulePack pack = this.ruleBase.pack();
		String id = AdvisorController.scenarioId(params);
		Scenario scenario = (id != null) ? pack.scenario(id).orElse(null) : null;
		if (id != null && scenario == null) {
			throw new UnknownScenarioException(id);
		}
		ConditionValidator.Result input = ConditionValidator.validate(pack,
				AdvisorController.startingFrom(scenario, params), false);
		if (!input.valid()) {
			throw new InvalidConditionsException(input.errors());
		}
		Evaluation evaluation = this.ruleBase.evaluate(input.values());
		String liveLink = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/advice")
			.query(AdvisorController.query(input.values()))
			.build()
			.toUriString();
		ZonedDateTime now = ZonedDateTime.now(this.clock);
		AdviceReport report = AdviceReport.of(pack, AdviceView.of(pack, evaluation),
				ScenarioBasis.of(pack, scenario, input.values()), liveLink, now);
		return new Prepared(report, FILE_PREFIX + now.toLocalDate());
	}

	@ExceptionHandler
	ResponseEntity<String> invalidConditions(InvalidConditionsException ex) {
		RulePack pack = this.ruleBase.pack();
		String errors = ex.errors().entrySet().stream().map((e) -> {
			String question = pack.condition(e.getKey()).map(ConditionDef::question).orElse(e.getKey());
			return "- " + question + " (" + e.getKey() + "): " + e.getValue();
		}).collect(Collectors.joining("\n"));
		int n = ex.errors().size();
		return plain(HttpStatus.BAD_REQUEST,
				"No report: " + n + " condition value" + ((n == 1) ? " is" : "s are") + " not valid.\n\n" + errors
						+ "\n\nCorrect the link, or open the result page and download the report from there.");
	}

	@ExceptionHandler
	ResponseEntity<String> unknownScenario(UnknownScenarioException ex) {
		return plain(HttpStatus.NOT_FOUND, "No report: " + ex.getMessage()
				+ "\n\nThe form at / lists the scenarios of this rule pack.");
	}

	@ExceptionHandler
	ResponseEntity<String> unsettled(UnsettledEvaluationException ex) {
		return plain(HttpStatus.UNPROCESSABLE_CONTENT, "No report: " + ex.getMessage());
	}

	private static ResponseEntity<String> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(message + "\n");
	}

	private record Prepared(AdviceReport report, String fileName) {
	}

}
