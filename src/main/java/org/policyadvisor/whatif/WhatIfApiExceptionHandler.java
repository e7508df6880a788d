package org.policyadvisor.whatif;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.UnsettledEvaluationException;
import org.policyadvisor.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for {@code /api/what-if}, with the same types and titles as {@code /api/evaluate}'s. Spring MVC's
 * own errors are answered by {@code system.ApiProblemDetailsHandler}, which comes first. This comes before {@code system.UnsettledEvaluationAdvice},
 * which answers unsettled evaluations everywhere else.
 */
@RestControllerAdvice(assignableTypes = WhatIfApiController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class WhatIfApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WhatIfApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidWhatIfRequestException ex) {
		WhatIfRequest request = ex.request();
		List<Map<String, String>> errors = new ArrayList<>();
		ProblemDetail problem;
		if (request.unknownScenario() != null) {
			String id = request.unknownScenario();
			errors.add(Map.of("field", WhatIfRequest.SCENARIO, "message",
					"'" + ((id.length() > 60) ? id.substring(0, 57) + "..." : id) + "' is not a scenario of this rule pack."));
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The rule pack has no such scenario; see errors. GET /api/scenarios lists the scenarios.");
			problem.setTitle("Unknown scenario");
			problem.setType(URI.create("urn:policy-advisor:problem:unknown-scenario"));
		}
		else {
			int n = request.errors().size();
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, n + " condition value"
					+ ((n == 1) ? " is" : "s are")
					+ " not valid; see errors. GET /api/conditions lists the conditions and their values.");
			problem.setTitle("Invalid conditions");
			problem.setType(URI.create("urn:policy-advisor:problem:invalid-conditions"));
		}
		request.errors().entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> errors.add(Map.of("field", e.getKey(), "message", e.getValue())));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unsettled(UnsettledEvaluationException ex) {
		return Problems.unsettled(ex);
	}

	/** Anything unforeseen: logged in full here, and never shown to the client beyond a plain message. */
	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected error in the what-if API", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed. Nothing was changed; please try again.");
		problem.setTitle("Internal error");
		return problem;
	}

}
