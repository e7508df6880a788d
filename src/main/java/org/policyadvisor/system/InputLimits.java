package org.policyadvisor.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on what a request may carry, set well above anything the app's own forms and API send, so that a hostile
 * request is refused in milliseconds instead of being read, parsed and held in memory.
 * <p>
 * The largest legitimate body is a full set of condition answers with a saved scenario's notes: a few kilobytes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InputLimits {

	/** Bodies above this are refused with 413 before a byte of them is read. */
	public static final long MAX_BODY_BYTES = 64 * 1024;

	/**
	 * JSON the API accepts: shallow (a request is two levels deep), short strings, short numbers. Jackson's defaults
	 * (nesting 500 deep, strings of 20 million characters, numbers of 1,000 digits) leave a parser working for a long
	 * time on input no client of this API sends.
	 */
	public static final StreamReadConstraints JSON_LIMITS = StreamReadConstraints.builder()
		.maxNestingDepth(32)
		.maxStringLength(16 * 1024)
		.maxNumberLength(64)
		.maxNameLength(256)
		.maxDocumentLength(MAX_BODY_BYTES)
		.maxTokenCount(20_000)
		.build();

	/**
	 * The builder of the application's JSON mapper, as Spring Boot makes it (with every customizer) but on a parser
	 * factory with {@link #JSON_LIMITS}: Jackson 3 fixes the factory when the builder is created, so a customizer
	 * alone cannot set them.
	 */
	@Bean
	@Scope("prototype")
	JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(JSON_LIMITS).build());
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter() {
		FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(new RequestLimitsFilter());
		// Before security and everything else, so that an oversized body is refused without being looked at; but
		// after Boot's character encoding filter (HIGHEST_PRECEDENCE), since reading the parameters fixes the
		// encoding of a form's body: read before it, a form's "ü" or "“" arrived as ISO-8859-1 mojibake.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Asks for the parameters once more behind Spring Security's firewall, which refuses names and values with
	 * control or unassigned characters only when they are first read. Read first in a controller, the refusal would
	 * be that controller's error; here it reaches the firewall's own handler, a 400 (problem+json on the API).
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> firewalledParametersFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						request.getParameterMap();
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * Refuses a declared body above {@link #MAX_BODY_BYTES} (413) and a query string or form Tomcat cannot parse
	 * (400). A body without a declared length (chunked) is held to the same limit by the JSON limits and Tomcat's
	 * form size.
	 */
	static final class RequestLimitsFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() > MAX_BODY_BYTES) {
				// Tomcat would otherwise read (swallow) the unread body to keep the connection open.
				response.setHeader("Connection", "close");
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
						"The request body is larger than " + MAX_BODY_BYTES + " bytes.");
				return;
			}
			try {
				// Parse the parameters here, where a malformed query or form (a name-less "=x", too many parameters)
				// can be answered as the client's mistake; Tomcat would throw from deep inside the first component
				// that asks for them, and the request would end as a server error.
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				refuse(request, response, HttpStatus.BAD_REQUEST, "The query string or form is malformed or has too "
						+ "many parameters.");
				return;
			}
			chain.doFilter(request, response);
		}

		/** problem+json on the API; elsewhere the error page, through the container's error dispatch. */
		private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
				String detail) throws IOException {
			if (request.getRequestURI().startsWith(request.getContextPath() + ApiProblemDetailsHandler.API_PREFIX)) {
				response.setStatus(status.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
						+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
						+ jsonEscape(request.getRequestURI()) + "\"}");
			}
			else {
				response.sendError(status.value());
			}
		}

		private static String jsonEscape(String text) {
			StringBuilder out = new StringBuilder();
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20 || c == '<' || c == '>') {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			return out.toString();
		}

	}

}
