package org.policyadvisor.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.EngineProperties;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.saved.SavedScenarioRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 5, over HTTP: the whole application serving a pack whose rules never settle when {@code switch} is on
 * (src/test/resources/packs/runaway), with the default limits. Every request that meets the loop gets a clear 422,
 * problem+json on the API and a page on the site's layout, quickly and without a stack trace or an exception's name;
 * the next request, with conditions that settle, is served as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "advisor.rules-location=classpath:packs/", "advisor.pack=runaway",
				"spring.datasource.url=jdbc:h2:mem:runaway-rules-tests" })
class RunawayRulesTests {

	private static final String LIMIT_MESSAGE = "The rules did not settle within 10000 firings; the evaluation was"
			+ " stopped.";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private Environment environment;

	@Autowired
	private RuleBase ruleBase;

	@Autowired
	private EngineProperties properties;

	@Autowired
	private SavedScenarioRepository saved;

	@Test
	void theDefaultLimitsAreTenThousandFiringsAndTwoSeconds() {
		assertThat(this.properties.maxFirings()).isEqualTo(10_000);
		assertThat(this.properties.maxEvaluationTime()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.ruleBase.maxFirings()).isEqualTo(10_000);
		assertThat(this.ruleBase.maxTime()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void theApiAnswersAProblemAndThenServesTheNextEvaluation() throws Exception {
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			HttpResponse<String> looping = post("/api/evaluate", "{\"conditions\":{\"switch\":\"true\"}}");
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("runaway rules: POST /api/evaluate answered %d in %d ms%n", looping.statusCode(), millis);
			assertThat(looping.statusCode()).isEqualTo(422);
			assertThat(looping.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(looping.body()).contains("\"title\":\"Evaluation stopped\"", "\"status\":422",
					"\"detail\":\"" + LIMIT_MESSAGE + "\"");
			assertNoInternals(looping.body());
			assertThat(millis).isLessThan(2_000);
			HttpResponse<String> settled = post("/api/evaluate", "{\"conditions\":{\"switch\":\"false\"}}");
			assertThat(settled.statusCode()).isEqualTo(200);
			assertThat(settled.body()).contains("\"d\"");
		}
	}

	@Test
	void theResultPageAnswersAPageWithTheReasonAndThenServesTheNextResult() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> looping = get("/advice?switch=true");
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("runaway rules: GET /advice answered %d in %d ms%n", looping.statusCode(), millis);
		assertThat(looping.statusCode()).isEqualTo(422);
		assertThat(looping.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(looping.body()).contains("<h1>The rules did not settle on these conditions</h1>", LIMIT_MESSAGE,
				"not a mistake in", "href=\"/?switch=true\"", "Policy Advisor", "A pack whose rules fire forever");
		assertNoInternals(looping.body());
		HttpResponse<String> settled = get("/advice?switch=false");
		assertThat(settled.statusCode()).isEqualTo(200);
		assertThat(settled.body()).contains("D holds while the loop is off");
	}

	@Test
	void everyOtherPageAndDownloadThatEvaluatesAnswersClearly() throws Exception {
		Map<String, Integer> expected = Map.of("/graph?switch=true", 422, "/what-if?switch=true", 422,
				"/compare?s=defaults&s=" + URLEncoder.encode("current:switch=false", StandardCharsets.UTF_8), 422,
				"/advice/report.md?switch=true", 422, "/advice/report.pdf?switch=true", 422);
		for (Map.Entry<String, Integer> e : expected.entrySet()) {
			HttpResponse<String> response = get(e.getKey());
			assertThat(response.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
			assertThat(response.body()).as(e.getKey()).contains(LIMIT_MESSAGE);
			assertNoInternals(response.body());
		}
		HttpResponse<String> graphApi = get("/api/graph?switch=true");
		assertThat(graphApi.statusCode()).isEqualTo(422);
		assertThat(graphApi.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(graphApi.body()).contains("\"detail\":\"" + LIMIT_MESSAGE + "\"", "\"status\":422");
		HttpResponse<String> whatIfApi = get("/api/what-if?switch=true");
		assertThat(whatIfApi.statusCode()).isEqualTo(422);
		assertThat(whatIfApi.body()).contains(LIMIT_MESSAGE);
		// A saved scenario stays readable: its page says the rules do not settle on it.
		String id = this.saved.create("Loop on", "", Map.of("switch", "true"), "0.0.1").scenario().id();
		HttpResponse<String> savedPage = get("/scenarios/" + id);
		assertThat(savedPage.statusCode()).isEqualTo(200);
		assertThat(savedPage.body()).contains("The rules could not settle on these conditions");
		for (String settled : new String[] { "/graph?switch=false", "/what-if?switch=false",
				"/advice/report.md?switch=false", "/api/graph?switch=false" }) {
			assertThat(get(settled).statusCode()).as(settled).isEqualTo(200);
		}
	}

	private static void assertNoInternals(String body) {
		assertThat(body).doesNotContain("Exception", "org.policyadvisor", "org.drools", "org.kie", "at java.",
				"Whitelabel");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + path);
	}

}
