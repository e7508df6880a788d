package org.policyadvisor.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that posts the application's forms as a browser does: it keeps its cookies, takes the CSRF token
 * from the hidden field of a form page (whose response sets the matching cookie), and does not follow redirects, so
 * that the answer to a post can be checked.
 */
final class FormClient {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final PackagedApplication app;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private String csrf;

	FormClient(PackagedApplication app) {
		this.app = app;
	}

	/** Opens a page with a form, as a browser would before posting it, and keeps its CSRF token. */
	HttpResponse<String> open(String path) throws IOException, InterruptedException {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(this.app.url(path)))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = CSRF_FIELD.matcher(page.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return page;
	}

	/** Posts form fields with the CSRF token of the last form page opened. */
	HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		if (this.csrf == null) {
			throw new IllegalStateException("Open a page with a form first: it gives the CSRF token");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", this.csrf);
		form.putAll(fields);
		String body = form.entrySet().stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.app.url(path)))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
