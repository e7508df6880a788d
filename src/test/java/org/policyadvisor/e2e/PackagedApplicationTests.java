package org.policyadvisor.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar, as the README tells users to, and uses it over HTTP and in a real browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedApplicationTests {

	private static final int PAGE_RANDOM_SCENARIOS = PackagedApplication.PAGE_RANDOM_SCENARIOS;

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
		System.out.printf("Packaged application: java -jar to first served page in %d ms%n", this.app.startupMillis());
	}

	@Nested
	class OverHttp {

		@Test
		void servesTheFormPrefilledWithTheEarly2019Situation() throws Exception {
			HttpResponse<String> form = PackagedApplicationTests.this.app.get("/");
			assertThat(form.statusCode()).isEqualTo(200);
			assertThat(form.body()).contains("Test conditions against the paper")
				.containsPattern("id=\"c-oil_price-medium\"\\s+value=\"medium\" checked");
		}

		@Test
		void submittingTheFormGivesExplainedAdvice() throws Exception {
			HttpResponse<String> result = PackagedApplicationTests.this.app.get("/advice?oil_price=low");
			assertThat(result.statusCode()).isEqualTo(200);
			assertThat(result.body()).contains("Economic collapse pitches the country into chaos")
				.contains("Economic collapse, should it occur, has the potential to pitch the country into chaos");
		}

		@Test
		void anInvalidAnswerComesBackAsAFieldMessage() throws Exception {
			HttpResponse<String> result = PackagedApplicationTests.this.app.get("/advice?oil_price=plenty");
			assertThat(result.statusCode()).isEqualTo(400);
			assertThat(result.body()).contains("id=\"error-oil_price\"").doesNotContain("Exception");
		}

		@Test
		void theApiEvaluatesAndRejectsBadInputAsProblemDetails() throws Exception {
			HttpResponse<String> ok = PackagedApplicationTests.this.app.postJson("/api/evaluate",
					"{\"conditions\":{\"deportation_threat\":\"true\"}}");
			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(ok.body()).contains("\"id\":\"risk_mass_return_destabilization\"");
			HttpResponse<String> bad = PackagedApplicationTests.this.app.postJson("/api/evaluate", "{\"conditions\":");
			assertThat(bad.statusCode()).isEqualTo(400);
			assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}

		@Test
		void theClaimsMatrixListsEveryRuleWithItsTestsFromThePackagedIndex() throws Exception {
			HttpResponse<String> claims = PackagedApplicationTests.this.app.get("/claims");
			assertThat(claims.statusCode()).isEqualTo(200);
			assertThat(claims.body()).contains("id=\"claim-R0.01\"").contains("fires when the west is disengaged")
				.doesNotContain("carries no test index");
			HttpResponse<String> json = PackagedApplicationTests.this.app.get("/api/claims");
			assertThat(json.body()).contains("\"id\":\"R6.05\"").contains("\"testClass\":");
		}

		@Test
		void theVerificationIsServedAsAPageAndAsJson() throws Exception {
			HttpResponse<String> json = PackagedApplicationTests.this.verification();
			assertThat(json.statusCode()).isEqualTo(200);
			assertThat(json.body()).contains("\"clean\":true", "\"randomScenarios\":" + PAGE_RANDOM_SCENARIOS);
			HttpResponse<String> page = PackagedApplicationTests.this.app.get("/audit");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<strong>Clean.</strong>", "132 of 132");
		}

		@Test
		void reportsHealthForContainerChecks() throws Exception {
			HttpResponse<String> health = PackagedApplicationTests.this.app.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			assertThat(PackagedApplicationTests.this.app.get("/actuator/env").statusCode()).isEqualTo(404);
		}

		@Test
		void scenariosAreServedFromTheJar() throws Exception {
			HttpResponse<String> form = PackagedApplicationTests.this.app.get("/?scenario=what-if-oil-price-collapse");
			assertThat(form.statusCode()).isEqualTo(200);
			assertThat(form.body()).containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked");
			HttpResponse<String> api = PackagedApplicationTests.this.app.get("/api/scenarios");
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.body()).contains("\"id\":\"2018-19-velvet-revolution\"", "\"id\":\"what-if-oil-price-collapse\"");
			assertThat(PackagedApplicationTests.this.app.get("/?scenario=no-such-scenario").statusCode()).isEqualTo(404);
		}

		@Test
		void unknownPagesAreAFriendlyNotFound() throws Exception {
			HttpResponse<String> missing = PackagedApplicationTests.this.app.get("/no-such-page");
			assertThat(missing.statusCode()).isEqualTo(404);
			assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel");
		}

	}

	/**
	 * The first request for the verification computes it, which can take longer than a page may: wait for it here,
	 * so that the browser then gets the kept report.
	 */
	private HttpResponse<String> verification() throws Exception {
		return this.app.get("/api/audit", Duration.ofMinutes(3));
	}

	/** {@code java -jar policy-advisor.jar verify}, as CI runs it. */
	@Nested
	class OnTheCommandLine {

		@Test
		void verifyPassesOnTheShippedPack() throws Exception {
			PackagedApplication.CommandResult run = PackagedApplication.runCommand(Duration.ofMinutes(4), "verify");
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(run.out()).contains("Verification of rule pack azerbaijan-russia-2019",
					"Rules:      132 of 132 can fire", "Conflicts:  2 declared, 0 found",
					"Unused:     0 conditions, 0 conclusions, 0 effects nobody reads", "Cycles:     0",
					"(4,915 pairwise, 100,000 random, seed 2019)", "Result:     clean");
			System.out.println(run.out().lines().filter((l) -> l.startsWith("Search:")).findFirst().orElse(""));
		}

		@Test
		void verifyFailsOnAFlawedPackAndSaysWhy() throws Exception {
			PackagedApplication.CommandResult run = PackagedApplication.runCommand(Duration.ofMinutes(2), "verify",
					"--advisor.rules-location=file:src/test/resources/packs/", "--advisor.pack=audit-flawed");
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(run.out()).contains("Rules:      5 of 12 can fire", "Result:     21 findings",
					"R1.03 (rules.drl:25) cannot fire: its premises contradict each other",
					"risk_concessions and rec_talks (found by backward search) with talks=offered",
					"orphan: read only by R1.03, which has no witness", "cycle_a → cycle_b → cycle_a");
		}

		@Test
		void verifyRefusesAnUnknownArgument() throws Exception {
			PackagedApplication.CommandResult run = PackagedApplication.runCommand(Duration.ofMinutes(2), "verify",
					"--advisor.rules-location=file:src/test/resources/packs/", "--advisor.pack=audit-flawed",
					"--random=many");
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).contains("--random=many", "Usage: java -jar policy-advisor.jar verify");
			assertThat(run.out()).isEmpty();
		}

	}

	@Nested
	class InTheBrowser {

		@Test
		void aKeyboardUserChangesAConditionAndReadsWhy() throws Exception {
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/"));
				browser.screenshot("form");
				assertThat(browser.axeViolations()).as("accessibility violations on the form").isEmpty();
				assertThat(browser.firstTabStopText()).isEqualTo("Skip to main content");

				// The economy theme starts collapsed: open it from the keyboard, then change the answer.
				browser.pressEnterOn("#theme-economy > summary");
				browser.chooseWithArrowKey("c-oil_price-medium", org.openqa.selenium.Keys.ARROW_LEFT);
				// Enter in a field submits the form through its first button, "See the advice".
				browser.pressEnterOn("#c-oil_price-low");
				browser.waitFor("#risks-title");

				assertThat(browser.currentUrl()).contains("/advice?").contains("oil_price=low");
				assertThat(browser.text("#risks-title + p, section[aria-labelledby=risks-title]"))
					.contains("Economic collapse pitches the country into chaos");
				browser.openWhy("risk_economic_collapse");
				assertThat(browser.text("#risk_economic_collapse"))
					.contains("R0.08")
					.contains("Economic collapse, should it occur, has the potential to pitch the country into chaos")
					.contains("What is the level of world oil prices? Low");
				browser.screenshot("result-why-open");
				browser.openAllDetails();
				assertThat(browser.axeViolations()).as("accessibility violations on the result").isEmpty();
			}
		}

		@Test
		void aKeyboardUserLoadsAScenarioAndSeesItsAdvice() throws Exception {
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/"));
				browser.chooseWithArrowKeys("scenario", "what-if-oil-price-collapse");
				assertThat(browser.tab()).isEqualTo("Load scenario");
				browser.pressEnter();
				browser.waitFor(".scenario-loaded");

				assertThat(browser.currentUrl()).endsWith("/?scenario=what-if-oil-price-collapse");
				assertThat(browser.isChecked("c-oil_price-low")).as("oil price low, as the scenario sets").isTrue();
				assertThat(browser.isChecked("c-oil_price-medium")).isFalse();
				assertThat(browser.attribute("#scenario option[selected]", "value"))
					.isEqualTo("what-if-oil-price-collapse");
				assertThat(browser.text(".scenario-loaded")).contains("What if oil prices collapsed before reforms?")
					.contains("keeps its early-2019");
				browser.openAllDetails();
				browser.screenshot("form-scenario");
				assertThat(browser.axeViolations()).as("accessibility violations on the form with a scenario").isEmpty();

				// Unchanged, the form's answers are the scenario's, and the result says so.
				browser.pressEnterOn(".conditions button[type=submit]");
				browser.waitFor(".scenario-basis");
				assertThat(browser.text(".scenario-basis")).contains("These are the conditions of the scenario")
					.contains("What if oil prices collapsed before reforms?");
				assertThat(browser.text("section[aria-labelledby=risks-title]"))
					.contains("Economic collapse pitches the country into chaos");
				browser.screenshot("result-scenario");
				assertThat(browser.axeViolations()).as("accessibility violations on the scenario's result").isEmpty();
			}
		}

		@Test
		void anUnknownScenarioIsExplainedOnTheForm() throws Exception {
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/?scenario=2030-no-such-year"));
				assertThat(browser.text("#scenario-error")).contains("There is no scenario '2030-no-such-year'");
				assertThat(browser.attribute("#scenario", "aria-describedby")).isEqualTo("scenario-error");
				browser.screenshot("form-unknown-scenario");
				assertThat(browser.axeViolations()).as("accessibility violations on the form with an unknown scenario")
					.isEmpty();
			}
		}

		@Test
		void aFieldErrorIsAnnouncedAndLinked() throws Exception {
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/advice?oil_price=plenty"));
				assertThat(browser.text("#error-summary")).contains("There is a problem with one answer");
				assertThat(browser.attribute("#q-oil_price", "aria-describedby")).contains("error-oil_price");
				browser.screenshot("form-error");
				assertThat(browser.axeViolations()).as("accessibility violations on the form with errors").isEmpty();
			}
		}

		@Test
		void theClaimsMatrixIsAccessible() throws Exception {
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/claims"));
				browser.openAllDetails();
				browser.screenshot("claims");
				assertThat(browser.axeViolations()).as("accessibility violations on the claims matrix").isEmpty();
			}
		}

		@Test
		void theVerificationPageIsAccessible() throws Exception {
			PackagedApplicationTests.this.verification();
			try (Browser browser = Browser.open()) {
				browser.go(PackagedApplicationTests.this.app.url("/audit"));
				assertThat(browser.text(".verdict")).contains("Clean.");
				browser.screenshot("verification");
				browser.openAllDetails();
				assertThat(browser.axeViolations()).as("accessibility violations on the verification").isEmpty();
			}
		}

		@Test
		void theVerificationPageReadsOnAPhone() throws Exception {
			PackagedApplicationTests.this.verification();
			try (Browser browser = Browser.open(390, 844)) {
				browser.go(PackagedApplicationTests.this.app.url("/audit"));
				browser.openAllDetails();
				assertThat(browser.horizontalOverflow()).as("page wider than the phone screen").isFalse();
				browser.screenshot("verification-phone");
			}
		}

		@Test
		void theFormWithAScenarioReadsOnAPhone() throws Exception {
			try (Browser browser = Browser.open(390, 844)) {
				browser.go(PackagedApplicationTests.this.app.url("/?scenario=2018-19-velvet-revolution"));
				browser.openAllDetails();
				assertThat(browser.horizontalOverflow()).as("page wider than the phone screen").isFalse();
				browser.screenshot("form-scenario-phone");
			}
		}

		@Test
		void theResultPageReadsOnAPhone() throws Exception {
			try (Browser browser = Browser.open(390, 844)) {
				browser.go(PackagedApplicationTests.this.app.url("/advice"));
				assertThat(browser.horizontalOverflow()).as("page wider than the phone screen").isFalse();
				browser.screenshot("result-phone");
			}
		}

	}

	/** {@code java -jar policy-advisor.jar batch ...}: a command run without the web server, as scripts and CI do. */
	@Nested
	class BatchFromTheCommandLine {

		@Test
		void evaluatesAFileWritesOneResultPerLineAndFailsOnAnUnmetExpectation() throws Exception {
			Path out = Files.createTempFile(Path.of("target"), "batch-", ".out");
			Path err = Files.createTempFile(Path.of("target"), "batch-", ".err");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-jar", System.getProperty("app.jar"), "batch", "--in",
					"src/test/resources/batch/failing.jsonl")
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			try {
				assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("batch finished").isTrue();
			}
			finally {
				process.destroyForcibly();
			}
			assertThat(process.exitValue()).isEqualTo(1);
			// Standard output holds the results and nothing else: no banner, no log.
			assertThat(Files.readAllLines(out)).hasSize(3)
				.allSatisfy((line) -> assertThat(line).startsWith("{\"id\":\"").endsWith("}}"))
				.anySatisfy((line) -> assertThat(line).startsWith("{\"id\":\"russia-weak\",\"line\":2,")
					.contains("\"passed\":false"));
			assertThat(Files.readString(err))
				.contains("line 2 (russia-weak): 1 of 2 expectations not met\n  - risk_karabakh_policy_forced")
				.contains("  + balance_eroding (")
				.endsWith("3 scenarios, 1 passed, 2 failed, 0 invalid\n");
		}

	}

}
