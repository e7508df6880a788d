package org.policyadvisor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule catalogue and the causal graph in the packaged jar, in a real browser: the graph is drawn by the page's
 * own script from assets the jar serves, highlights what the API says fired, and is accessible with its text view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleCatalogueAndGraphTests {

	private static final String SCENARIO = "what-if-oil-price-collapse";

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void theClaimsMatrixLinksEachClaimToItsRule() throws Exception {
		assertThat(this.app.get("/claims").body()).contains("href=\"/rules#R0.01\"");
	}

	@Test
	void theCatalogueIsFilteredWithoutScriptAndIsAccessible() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/rules?kind=risk&strength=likely"));
			assertThat(browser.text("#match-count")).containsPattern("\\d+ of \\d+ rules match");
			assertThat(browser.text("article.rule-entry")).contains("R6.05");
			browser.screenshot("rules-filtered");
			browser.openAllDetails();
			assertThat(browser.axeViolations()).as("accessibility violations on the rule catalogue").isEmpty();

			browser.go(this.app.url("/rules?strength=certain"));
			assertThat(browser.text("#error-summary")).contains("Strength must be asserted, likely or possible");
			assertThat(browser.axeViolations()).as("accessibility violations on the catalogue with a bad filter")
				.isEmpty();

			browser.go(this.app.url("/rules/R6.05"));
			assertThat(browser.currentUrl()).endsWith("/rules#R6.05");
			browser.screenshot("rules-anchor");

			// Each rule links to what it produces on the graph, selected there.
			browser.pressEnterOn("[id='R6.05'] .rule-links a");
			awaitDrawn(browser);
			assertThat(browser.text("#panel-title").strip())
				.isEqualTo("Russia forces a change in Azerbaijan's policy on Nagorny Karabakh");
			assertThat(browser.text("#graph-panel-body")).contains("R6.05");
			browser.screenshot("graph-focus");
		}
	}

	@Test
	void theGraphHighlightsWhatTheApiSaysFiredAndAKeyboardUserReadsABox() throws Exception {
		HttpResponse<String> api = this.app.get("/api/graph?scenario=" + SCENARIO);
		assertThat(api.statusCode()).isEqualTo(200);
		int holding = number(api.body(), "holdingNodes");
		int fired = number(api.body(), "firedEdges");
		assertThat(holding).isPositive();
		try (Browser browser = Browser.open(1400, 1000)) {
			browser.go(this.app.url("/graph?scenario=" + SCENARIO));
			awaitDrawn(browser);
			assertThat(browser.attribute("#graph-canvas", "data-highlighted")).isEqualTo(String.valueOf(holding));
			assertThat(browser.attribute("#graph-canvas", "data-fired")).isEqualTo(String.valueOf(fired));
			browser.screenshot("graph-scenario");
			assertThat(browser.axeViolations()).as("accessibility violations on the graph").isEmpty();

			// From the text view, Enter on a box's name shows its rules and citations in the side panel.
			browser.pressEnterOn("button.node-select[data-node=risk_economic_collapse]");
			assertThat(browser.text("#panel-title").strip()).isEqualTo("Economic collapse pitches the country into chaos and boosts Russia's influence");
			assertThat(browser.text("#graph-panel-body")).contains("R0.08", "Holds in this scenario",
					"Economic collapse, should it occur, has the potential to pitch the country into chaos");
			assertThat(browser.activeElementId()).isEqualTo("panel-title");
			browser.screenshot("graph-scenario-selected");
			assertThat(browser.axeViolations()).as("accessibility violations on the graph with a box selected")
				.isEmpty();
		}
	}

	@Test
	void aThemeAndOnlyWhatFiredKeepTheGraphSmallAndReadable() throws Exception {
		try (Browser browser = Browser.open(1280, 1000)) {
			browser.go(this.app.url("/graph?theme=karabakh"));
			awaitDrawn(browser);
			browser.screenshot("graph-theme");
			String firedOnly = "/graph?theme=economy&view=fired&scenario=" + SCENARIO;
			int holding = number(this.app.get(firedOnly.replace("/graph", "/api/graph")).body(), "holdingNodes");
			browser.go(this.app.url(firedOnly));
			awaitDrawn(browser);
			assertThat(browser.text("#graph-count")).contains(holding + " hold");
			assertThat(browser.attribute("#graph-canvas", "data-highlighted")).isEqualTo(String.valueOf(holding));
			browser.screenshot("graph-fired-only");
		}
	}

	@Test
	void theResultPageLinksToItsConditionsOnTheGraph() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/advice?oil_price=low"));
			// Every rule in an explanation links to the rule catalogue.
			assertThat(browser.attribute("#risk_economic_collapse a.rule-id", "href")).isEqualTo("/rules#R0.08");
			browser.pressEnterOn("#show-on-graph");
			browser.waitFor("#graph-canvas");
			assertThat(browser.currentUrl()).contains("/graph?").contains("oil_price=low");
			awaitDrawn(browser);
			assertThat(Integer.parseInt(browser.attribute("#graph-canvas", "data-highlighted"))).isPositive();
			assertThat(browser.text(".scenario-basis")).contains("Highlighting the conditions of a result");
		}
	}

	@Test
	void theGraphPageReadsOnAPhone() throws Exception {
		try (Browser browser = Browser.open(390, 844)) {
			browser.go(this.app.url("/graph?theme=economy"));
			awaitDrawn(browser);
			assertThat(browser.horizontalOverflow()).as("page wider than the phone screen").isFalse();
			browser.screenshot("graph-phone");
		}
	}

	/** The script marks the drawing once it is drawn; "failed" if it could not load the graph. */
	private static void awaitDrawn(Browser browser) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String state = null;
		while (System.nanoTime() < deadline) {
			state = browser.attribute("#graph-canvas", "data-ready");
			if (state != null) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(state).as("data-ready of the drawing").isEqualTo("true");
	}

	private static int number(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as("%s in %s", field, json).isTrue();
		return Integer.parseInt(m.group(1));
	}

}
