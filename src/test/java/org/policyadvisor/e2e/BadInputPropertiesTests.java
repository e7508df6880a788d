package org.policyadvisor.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random, missing, unknown and out-of-range input, wrong types and wrong content types, against the packaged jar's
 * JSON API and pages: never a 5xx, every rejection a 4xx that names the field, and never a stack trace.
 */
class BadInputPropertiesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static PackagedApplication app;

	/** Condition id to its allowed value ids, read from the running application. */
	private static Map<String, List<String>> catalogue;

	private static final AtomicInteger TRIED = new AtomicInteger();

	private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();

	@BeforeContainer
	static void start() throws Exception {
		app = PackagedApplication.shared();
		JsonNode conditions = JSON.readTree(app.get("/api/conditions").body());
		catalogue = new LinkedHashMap<>();
		for (JsonNode c : conditions) {
			List<String> values = new ArrayList<>();
			c.get("values").forEach((v) -> values.add(v.get("id").asString()));
			catalogue.put(c.get("id").asString(), values);
		}
	}

	@AfterContainer
	static void report() {
		System.out.printf("Bad input properties: %d requests, %d with status 5xx%n", TRIED.get(), SERVER_ERRORS.get());
	}

	// --- The JSON API ---

	@Property(tries = 300)
	void evaluateAnswersEveryConditionMapWithAResultOrAFieldLevelProblem(
			@ForAll("conditionMaps") Map<String, Object> conditions) throws Exception {
		String body = JSON.writeValueAsString(Map.of("conditions", conditions));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url("/api/evaluate")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		if (response.statusCode() == 200) {
			assertThat(allValid(conditions)).as("accepted %s", conditions).isTrue();
			return;
		}
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertProblem(response);
		if (conditions.keySet().stream().anyMatch((id) -> id.length() > 256)) {
			// Longer names than any condition's are refused by the JSON limits, before conditions are looked at.
			return;
		}
		List<String> bad = conditions.entrySet().stream().filter((e) -> !valid(e.getKey(), e.getValue()))
			.map(Map.Entry::getKey).toList();
		List<String> fields = new ArrayList<>();
		JSON.readTree(response.body()).path("errors").forEach((e) -> fields.add(e.path("field").asString()));
		assertThat(fields).as("a message for each bad field of %s", body).containsExactlyInAnyOrderElementsOf(bad);
	}

	@Property(tries = 150)
	void evaluateRefusesAnyBodyThatIsNotItsJsonWithA4xxProblem(@ForAll("bodies") String body,
			@ForAll("contentTypes") String contentType) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url("/api/evaluate")))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("%s %s", contentType, body).isIn(200, 400, 413, 415);
		if (response.statusCode() != 200) {
			assertProblem(response);
		}
		if (!contentType.startsWith("application/json")) {
			// 400 when the body is a form the server could not even parse, before its type was looked at.
			assertThat(response.statusCode()).isIn(400, 415);
		}
	}

	@Property(tries = 100)
	void apiQueriesAnswerAnyParametersWithoutServerErrors(@ForAll("apiGets") String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
		assertThat(response.statusCode()).as(path).isLessThan(500);
		if (response.statusCode() >= 400 && !refusedByTomcat(path)) {
			assertProblem(response);
		}
		else {
			assertNoInternals(response);
		}
	}

	/**
	 * A path with an encoded control character, or an encoded slash ({@code %2F}, as in an encoded
	 * "../../etc/passwd"), never reaches the application: Tomcat refuses it with a bare 400 page of its own (no
	 * details). See docs/hardening.md.
	 */
	private static boolean refusedByTomcat(String path) {
		String encoded = path.split("\\?")[0];
		String raw = java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		return encoded.toUpperCase(java.util.Locale.ROOT).contains("%2F")
				|| raw.codePoints().anyMatch((c) -> Character.isISOControl(c) || c == '\\' || c == ';' || c == '%');
	}

	// --- The pages ---

	@Property(tries = 200)
	void theResultPageAnswersAnyQueryWithAResultOrTheFormWithFieldMessages(
			@ForAll("stringConditionMaps") Map<String, String> conditions) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url("/advice?" + query(conditions))))
			.GET());
		if (conditions.containsKey("scenario") && !conditions.get("scenario").isBlank()
				&& response.statusCode() == 404) {
			// "scenario" names a preset; an unknown one is the form with a message and a 404.
			assertNoInternals(response);
			return;
		}
		assertThat(response.statusCode()).as("%s", conditions).isIn(200, 400);
		assertNoInternals(response);
		// The form's query string may carry other parameters, so only bad values of known conditions are errors.
		List<String> bad = conditions.entrySet().stream()
			.filter((e) -> catalogue.containsKey(e.getKey()) && !valid(e.getKey(), e.getValue()))
			.map(Map.Entry::getKey).toList();
		if (conditions.keySet().stream().anyMatch(BadInputPropertiesTests::refusedAsAName)) {
			// A name-less parameter ("=low") or one with control characters makes the query itself malformed:
			// refused as a whole, before any field is read.
			assertThat(response.statusCode()).isEqualTo(400);
		}
		else if (bad.isEmpty()) {
			assertThat(response.statusCode()).isEqualTo(200);
		}
		else {
			assertThat(response.statusCode()).isEqualTo(400);
			for (String id : bad) {
				assertThat(response.body()).as("field message for %s", id).contains("id=\"error-" + id + "\"");
			}
		}
	}

	@Property(tries = 150)
	void everyPageAnswersAnyParametersAndPathsWithoutServerErrors(@ForAll("pagePaths") String path)
			throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
		assertThat(response.statusCode()).as(path).isLessThan(500);
		assertNoInternals(response);
	}

	// --- Arbitraries ---

	@Provide
	Arbitrary<Map<String, Object>> conditionMaps() {
		Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of(List.copyOf(catalogue.keySet())), strangeStrings());
		return Arbitraries.maps(ids, anyJsonValue()).ofMaxSize(8);
	}

	@Provide
	Arbitrary<Map<String, String>> stringConditionMaps() {
		Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of(List.copyOf(catalogue.keySet())), strangeStrings());
		Arbitrary<String> values = Arbitraries.oneOf(allValidValues(), strangeStrings(), Arbitraries.just(""));
		return Arbitraries.maps(ids, values).ofMaxSize(8);
	}

	@Provide
	Arbitrary<String> bodies() {
		return Arbitraries.oneOf(strangeStrings(), Arbitraries.of("", "null", "[]", "{}", "{\"conditions\":[]}",
				"{\"conditions\":{\"oil_price\":{}}}", "{\"conditions\":null}", "{\"scenario\":42}",
				"{\"scenario\":\"no-such-scenario\"}", "{\"conditions\":{\"oil_price\":\"low\"}",
				"{\"conditions\":{\"oil_price\":1e999999}}", "\u0000\u0001", "{\"a\":\"\\ud800\"}"),
				conditionMaps().map((m) -> {
					String json = JSON.writeValueAsString(Map.of("conditions", m));
					return json.substring(0, json.length() / 2);
				}));
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json; charset=UTF-8", "text/plain",
				"application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x",
				"application/octet-stream", "application/json; charset=bogus", "*/*", "nonsense");
	}

	@Provide
	Arbitrary<String> apiGets() {
		return Arbitraries.oneOf(
				strangeStrings().map((s) -> "/api/what-if?" + enc(s) + "=" + enc(s)),
				stringConditionMaps().map((m) -> "/api/what-if?" + query(m)),
				stringConditionMaps().map((m) -> "/api/graph?" + query(m)),
				strangeStrings().map((s) -> "/api/graph?scenario=" + enc(s) + "&theme=" + enc(s) + "&view=" + enc(s)),
				strangeStrings().map((s) -> "/api/" + enc(s)),
				strangeStrings().map((s) -> "/api/rules?q=" + enc(s)));
	}

	@Provide
	Arbitrary<String> pagePaths() {
		Arbitrary<String> s = strangeStrings();
		return Arbitraries.oneOf(
				s.map((x) -> "/?scenario=" + enc(x)),
				s.map((x) -> "/?expand=" + enc(x) + "&" + enc(x) + "=1"),
				s.map((x) -> "/advice?scenario=" + enc(x)),
				stringConditionMaps().map((m) -> "/what-if?" + query(m)),
				s.map((x) -> "/rules?q=" + enc(x) + "&theme=" + enc(x) + "&kind=" + enc(x) + "&strength=" + enc(x)
						+ "&chapter=" + enc(x)),
				s.map((x) -> "/rules/" + enc(x)),
				s.map((x) -> "/graph?scenario=" + enc(x) + "&view=" + enc(x) + "&theme=" + enc(x) + "&focus=" + enc(x)),
				s.map((x) -> "/claims?unexercised=" + enc(x)),
				s.map((x) -> "/" + enc(x)),
				s.map((x) -> "/css/" + enc(x)));
	}

	/** Text of the kinds that break naive handling: markup, template syntax, quotes, control and non-BMP characters. */
	private static Arbitrary<String> strangeStrings() {
		return Arbitraries.oneOf(
				Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
				Arbitraries.of("${7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "<script>alert(1)</script>",
						"' OR '1'='1", "../../etc/passwd", "%00", "\uD83D\uDE00", "null", "true", "-1",
						"99999999999999999999", "high ", " HIGH", "Low", "scenario", "_csrf", "a".repeat(300)));
	}

	private static Arbitrary<String> allValidValues() {
		return Arbitraries.of(catalogue.values().stream().flatMap(List::stream).distinct().toList());
	}

	private static Arbitrary<Object> anyJsonValue() {
		return Arbitraries.oneOf(allValidValues().map((v) -> (Object) v), strangeStrings().map((v) -> (Object) v),
				Arbitraries.integers().map((v) -> (Object) v), Arbitraries.of(true, false).map((v) -> (Object) v),
				Arbitraries.just((Object) List.of("low", "high")), Arbitraries.just((Object) Map.of("value", "low")),
				Combinators.combine(allValidValues(), Arbitraries.integers()).as((a, b) -> (Object) (a + b)));
	}

	// --- Checks ---

	private static boolean allValid(Map<String, Object> conditions) {
		return conditions.entrySet().stream().allMatch((e) -> valid(e.getKey(), e.getValue()));
	}

	private static boolean valid(String id, Object value) {
		// The API trims values, as the form does.
		// JSON booleans stand for "true" and "false", the values of yes/no conditions.
		Object text = (value instanceof Boolean b) ? b.toString() : value;
		return catalogue.containsKey(id) && text instanceof String s && catalogue.get(id).contains(s.trim());
	}

	private static boolean refusedAsAName(String name) {
		return name.isEmpty() || name.codePoints().anyMatch((c) -> Character.isISOControl(c)
				|| !Character.isDefined(c) || c == 0xFFFD || Character.getType(c) == Character.SURROGATE);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = app.send(request.timeout(Duration.ofSeconds(20)).build());
		TRIED.incrementAndGet();
		if (response.statusCode() >= 500) {
			SERVER_ERRORS.incrementAndGet();
		}
		return response;
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(problem.has("detail") || problem.has("title")).isTrue();
		assertNoInternals(response);
	}

	/** No stack trace, exception class or framework internals in what a client sees. */
	private static void assertNoInternals(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContainPattern("\\bat (java|org|jdk|tools)\\.[\\w.$]+\\(")
			.doesNotContainPattern("(java|jakarta|org\\.springframework|tools\\.jackson)\\.[\\w.]*(Exception|Error)")
			.doesNotContain("Whitelabel");
	}

	private static String query(Map<String, String> values) {
		return values.entrySet().stream().map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
