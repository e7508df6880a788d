package org.policyadvisor.e2e;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input built to hurt: deeply nested JSON, huge strings and numbers, oversized bodies, template expressions. Each is
 * refused quickly with a 4xx, or shown back as plain text, by the packaged jar; none is evaluated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	private static final int MB = 1024 * 1024;

	private PackagedApplication app;

	private int requests;

	private int serverErrors;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void hostileJsonIsRefusedWithin1SecondAndMemoryStaysFlat() throws Exception {
		List<Supplier<HttpRequest>> attacks = List.of(
				() -> json("[".repeat(100_000)),
				() -> json("{\"conditions\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)),
				() -> json("{\"conditions\":{\"oil_price\":\"" + "x".repeat(60_000) + "\"}}"),
				() -> json("{\"conditions\":{\"oil_price\":" + "9".repeat(60_000) + "}}"),
				() -> json("{\"conditions\":{\"oil_price\":1" + "0".repeat(2_000) + "e99999999}}"),
				() -> json("{\"conditions\":{\"" + "k".repeat(60_000) + "\":\"low\"}}"),
				() -> json("{\"conditions\":{\"oil_price\":\"low\"}, \"pad\":\"" + "x".repeat(2 * MB) + "\"}"),
				() -> chunkedJson("{\"conditions\":{\"oil_price\":\"" + "x".repeat(2 * MB) + "\"}}"),
				() -> form("/scenarios", "name=" + "x".repeat(2 * MB)));
		for (Supplier<HttpRequest> attack : attacks) {
			try {
				send(attack.get());
			}
			catch (java.io.IOException ex) {
				// See below: a chunked upload cut short by the server's answer.
			}
		}
		long before = this.app.residentKilobytes();
		List<Long> millis = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			for (Supplier<HttpRequest> attack : attacks) {
				HttpRequest request = attack.get();
				long start = System.nanoTime();
				int status;
				try {
					status = send(request).statusCode();
				}
				catch (java.io.IOException ex) {
					// The server answered and closed the connection while the client was still uploading a body
					// without a declared length: refused, as intended; the client just never read the answer.
					status = 413;
				}
				long took = (System.nanoTime() - start) / 1_000_000;
				millis.add(took);
				assertThat(status).as(describe(request)).isIn(400, 403, 413);
				assertThat(took).as("%s answered in %d ms", describe(request), took).isLessThan(1_000);
			}
		}
		long after = this.app.residentKilobytes();
		millis.sort(null);
		System.out.printf("Hostile input: %d requests, %d with status 5xx; median %d ms, slowest %d ms; "
				+ "RSS %d MB before the last 10 rounds, %d MB after%n", this.requests, this.serverErrors,
				millis.get(millis.size() / 2), millis.get(millis.size() - 1), before / 1024, after / 1024);
		// 90 hostile requests carried over 300 MB between them; holding any of it would show here.
		assertThat(after - before).as("RSS growth in KB").isLessThan(64 * 1024);
		assertThat(this.app.get("/api/conditions").statusCode()).isEqualTo(200);
	}

	@Test
	void anOversizedApiBodyIsA413ProblemWithoutBeingRead() throws Exception {
		HttpResponse<String> response = send(json("{\"conditions\":{}, \"pad\":\"" + "x".repeat(MB) + "\"}"));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(t) -> assertThat(t).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":413").doesNotContain("Exception");
	}

	@Test
	void aHugeQueryStringIsRefusedNotParsed() throws Exception {
		String query = "oil_price=" + "x".repeat(40_000);
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.app.url("/advice?" + query)))
			.GET().build());
		assertThat(response.statusCode()).isIn(400, 414, 431);
		String many = String.join("&", java.util.Collections.nCopies(2_000, "a=b"));
		assertThat(send(HttpRequest.newBuilder(URI.create(this.app.url("/advice?" + many))).GET().build())
			.statusCode()).isLessThan(500);
	}

	/**
	 * Thymeleaf expressions in every kind of input come back as literal text or a 400. {@code 1337*1337} is
	 * 1787569: a page showing that number evaluated the expression; the Runtime payload would create a file.
	 */
	@Test
	void templateExpressionsInAnyInputAreNeverEvaluated() throws Exception {
		Path marker = Files.createTempFile("template-injection", ".marker");
		Files.delete(marker);
		List<String> payloads = List.of("${1337*1337}", "*{1337*1337}", "#{1337*1337}", "[[${1337*1337}]]",
				"__${1337*1337}__::.x", "~{::__${1337*1337}__}", "@{/x(y=${1337*1337})}",
				"__${T(java.lang.Runtime).getRuntime().exec('touch " + marker + "')}__::.x",
				"${T(java.lang.Runtime).getRuntime().exec('touch " + marker + "')}");
		List<String> conditionIds = conditionIds();
		int tried = 0;
		for (String payload : payloads) {
			String p = URLEncoder.encode(payload, StandardCharsets.UTF_8);
			List<String> paths = new ArrayList<>(List.of("/?scenario=" + p, "/?expand=" + p, "/advice?scenario=" + p,
					"/rules/" + p, "/rules?q=" + p + "&theme=" + p + "&kind=" + p + "&strength=" + p + "&chapter=" + p,
					"/graph?scenario=" + p + "&view=" + p + "&theme=" + p + "&focus=" + p, "/claims?unexercised=" + p,
					"/what-if?scenario=" + p, "/" + p, "/" + p + "/x", "/api/graph?scenario=" + p,
					"/api/what-if?oil_price=" + p, "/advice?" + p + "=1", "/scenarios/" + p, "/exercises/" + p,
					"/compare?s=" + p));
			// Every question of the form, with the two payload kinds (plain and preprocessed expression); the
			// other payloads on one question each, to keep the run short.
			for (String id : (payloads.indexOf(payload) < 2 || payload.startsWith("__")) ? conditionIds
					: conditionIds.subList(0, 1)) {
				paths.add("/advice?" + id + "=" + p);
			}
			for (String path : paths) {
				HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.app.url(path))).GET()
					.build());
				assertEvaluatedNothing(path, response);
				tried++;
			}
			HttpResponse<String> api = send(json("{\"scenario\":\"" + payload.replace("'", "\\u0027")
					+ "\",\"conditions\":{\"oil_price\":\"" + payload + "\",\"" + payload + "\":\"low\"}}"));
			assertEvaluatedNothing("POST /api/evaluate", api);
			tried++;
		}
		assertThat(marker).doesNotExist();
		System.out.printf("Template injection: %d requests, %d with status 5xx, none evaluated%n", tried,
				this.serverErrors);
	}

	private void assertEvaluatedNothing(String what, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(what).isLessThan(500);
		assertThat(response.body()).as(what).doesNotContain("1787569").doesNotContain("java.lang.ProcessImpl")
			.doesNotContain("java.lang.UNIXProcess");
	}

	private List<String> conditionIds() throws Exception {
		List<String> ids = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":\"([a-z0-9_]+)\",\"theme\"")
			.matcher(this.app.get("/api/conditions").body());
		while (m.find()) {
			ids.add(m.group(1));
		}
		assertThat(ids).hasSizeGreaterThan(10);
		return ids;
	}

	private HttpRequest json(String body) {
		return HttpRequest.newBuilder(URI.create(this.app.url("/api/evaluate")))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** No Content-Length: the server cannot refuse it up front and must stop reading by itself. */
	private HttpRequest chunkedJson(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create(this.app.url("/api/evaluate")))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.app.url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.app.send(request);
		this.requests++;
		if (response.statusCode() >= 500) {
			this.serverErrors++;
		}
		return response;
	}

	private static String describe(HttpRequest request) {
		return request.method() + " " + request.uri().getPath() + " (" + request.bodyPublisher()
			.map((b) -> b.contentLength() + " bytes").orElse("no body") + ")";
	}

}
