package org.policyadvisor.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Boot's error controller, except that errors of API requests which never reached a controller (a request the
 * firewall or the container refused) are {@code application/problem+json} like every other API error, not Boot's
 * own JSON. Pages keep the HTML error page.
 */
@Controller
// The command-line commands (verify, batch) run without a web server, and so without the ErrorAttributes this needs.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorProperties(), errorViewResolvers);
	}

	/** The application's settings (application.properties): never a stack trace, message or exception. */
	private static ErrorProperties errorProperties() {
		ErrorProperties properties = new ErrorProperties();
		properties.setIncludeStacktrace(ErrorProperties.IncludeAttribute.NEVER);
		properties.setIncludeMessage(ErrorProperties.IncludeAttribute.NEVER);
		properties.setIncludeException(false);
		return properties;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus status = getStatus(request);
		if (!(uri instanceof String path) || !path.startsWith(request.getContextPath()
				+ ApiProblemDetailsHandler.API_PREFIX) || status == HttpStatus.NO_CONTENT) {
			return super.error(request);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", status.is4xxClientError() ? "The request was refused: " + status.getReasonPhrase() + "."
				: "The request could not be completed. Nothing was changed; please try again.");
		problem.put("instance", path);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
