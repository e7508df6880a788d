package org.policyadvisor.system;

import org.policyadvisor.engine.UnsettledEvaluationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details the API controllers and the global advice answer alike, built in one place. */
public final class Problems {

	private Problems() {
	}

	/** Rules that did not settle for the conditions asked: 422, with the engine's reason as the detail. */
	public static ProblemDetail unsettled(UnsettledEvaluationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Evaluation stopped");
		return problem;
	}

}
