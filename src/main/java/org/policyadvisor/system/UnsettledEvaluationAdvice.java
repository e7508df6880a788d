package org.policyadvisor.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.UnsettledEvaluationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Rules that do not settle for the conditions asked (they defeat each other, or run into the firing or time limit)
 * are neither the user's mistake nor a crash: a page answers 422 with the reason and what to do on the site's layout,
 * an API path 422 {@code application/problem+json}, never the 500 error page. The API controllers and pages that
 * handle it themselves (the evaluation and what-if APIs, the what-if page, the report downloads, the comparison, a
 * saved scenario's page) keep their own answers; their advice comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnsettledEvaluationAdvice {

	static final String VIEW_UNSETTLED = "unsettled";

	private static final String ADVICE_PATH = "/advice";

	private final RulePack pack;

	private final JsonMapper json;

	UnsettledEvaluationAdvice(RulePack pack, JsonMapper json) {
		this.pack = pack;
		this.json = json;
	}

	@ExceptionHandler
	ModelAndView unsettled(UnsettledEvaluationException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(ApiProblemDetailsHandler.API_PREFIX)) {
			ProblemDetail problem = Problems.unsettled(ex);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", String.valueOf(problem.getType()));
			body.put("title", problem.getTitle());
			body.put("status", problem.getStatus());
			body.put("detail", problem.getDetail());
			body.put("instance", path);
			// A page advice answers with a view: this one writes the problem with the application's JSON mapper.
			JacksonJsonView view = new JacksonJsonView(this.json);
			view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			view.setExtractValueFromSingleKeyModel(true);
			ModelAndView answer = new ModelAndView(view, "problem", body);
			answer.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return answer;
		}
		ModelAndView page = new ModelAndView(VIEW_UNSETTLED, HttpStatus.UNPROCESSABLE_CONTENT);
		page.addObject("pack", this.pack);
		page.addObject("message", ex.getMessage());
		page.addObject("timedOut", ex.timedOut());
		// From a result page, the way on is the form with the same conditions, to change one of them.
		page.addObject("formQuery", (ADVICE_PATH.equals(path) && request.getQueryString() != null)
				? request.getQueryString() : null);
		return page;
	}

}
