package org.policyadvisor.advisor;

import java.net.URI;
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
 * Problem details for the API's own errors. Spring MVC's errors (malformed body, wrong media type) are answered by
 * {@code system.ApiProblemDetailsHandler}, which comes first. This comes before
 * {@code system.UnsettledEvaluationAdvice}, which answers unsettled evaluations everywhere else.
 */
@RestControllerAdvice(assignableTypes = AdvisorApiController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidConditions(InvalidConditionsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.errors().size() + " condition value" + ((ex.errors().size() == 1) ? " is" : "s are")
						+ " not valid; see errors. GET /api/conditions lists the conditions and their values.");
		problem.setTitle("Invalid conditions");
		problem.setType(URI.create("urn:policy-advisor:problem:invalid-conditions"));
		problem.setProperty("errors", errors(ex.errors()));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownScenario(UnknownScenarioException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The rule pack has no such scenario; see errors. GET /api/scenarios lists the scenarios.");
		problem.setTitle("Unknown scenario");
		problem.setType(URI.create("urn:policy-advisor:problem:unknown-scenario"));
		problem.setProperty("errors", errors(Map.of("scenario", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unsettled(UnsettledEvaluationException ex) {
		return Problems.unsettled(ex);
	}

	/** Anything unforeseen: logged in full here, and never shown to the client beyond a plain message. */
	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected error in the API", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed. Nothing was changed; please try again.");
		problem.setTitle("Internal error");
		return problem;
	}

	private static List<Map<String, String>> errors(Map<String, String> errors) {
		return errors.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.map((e) -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList();
	}

}
