package org.policyadvisor.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own errors (malformed body, unsupported media type, unknown path, wrong method) as
 * {@code application/problem+json} under {@code /api/}; everywhere else they go on to the HTML error page.
 * <p>
 * Global rather than scoped to the API controllers because some of these errors arise before any controller is
 * chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemDetailsHandler {

	static final String API_PREFIX = "/api/";

	private final ResponseEntityExceptionHandler problems = new ResponseEntityExceptionHandler() {
	};

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, MissingServletRequestParameterException.class,
			ServletRequestBindingException.class, NoHandlerFoundException.class, NoResourceFoundException.class,
			ErrorResponseException.class, MaxUploadSizeExceededException.class, ConversionNotSupportedException.class,
			TypeMismatchException.class, HttpMessageNotReadableException.class })
	ResponseEntity<Object> handle(Exception ex, WebRequest request) throws Exception {
		if (!isApi(request)) {
			// Rethrowing lets the exception continue as if this handler did not exist: Boot's error page renders it.
			throw ex;
		}
		return this.problems.handleException(ex, request);
	}

	static boolean isApi(WebRequest request) {
		HttpServletRequest servlet = (request instanceof NativeWebRequest nwr)
				? nwr.getNativeRequest(HttpServletRequest.class) : null;
		return servlet != null && servlet.getRequestURI().startsWith(servlet.getContextPath() + API_PREFIX);
	}

}
