package org.policyadvisor.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.UnsettledEvaluationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

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

	private final JsonMapper json = JsonMapper.builder().build();

	UnsettledEvaluationAdvice(RulePack pack) {
		this.pack = pack;
	}

	@ExceptionHandler
	ModelAndView unsettled(UnsettledEvaluationException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(ApiProblemDetailsHandler.API_PREFIX)) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", "Evaluation stopped");
			problem.put("status", HttpStatus.UNPROCESSABLE_CONTENT.value());
			problem.put("detail", ex.getMessage());
			problem.put("instance", path);
			ModelAndView json = new ModelAndView(problemJson(problem));
			json.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return json;
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

	/** Exception handlers of a {@code @ControllerAdvice} answer with a view; this one writes the problem as JSON. */
	private View problemJson(Map<String, Object> problem) {
		return new View() {

			@Override
			public String getContentType() {
				return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
			}

			@Override
			public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
					throws IOException {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				UnsettledEvaluationAdvice.this.json.writeValue(response.getOutputStream(), problem);
			}

		};
	}

}
