package org.policyadvisor.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if analysis in the packaged jar, in a real browser: reached from a result page, accessible, and each
 * suggestion opens the result it describes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfTests {

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void theResultPageLeadsToTheAnalysisWhoseSuggestionsOpenTheirResults() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/advice?scenario=what-if-oil-price-collapse"));
			browser.pressEnterOn("#what-if-link");
			browser.waitFor("#what-if-figures");
			assertThat(browser.currentUrl()).contains("/what-if?").contains("oil_price=low");
			assertThat(browser.text("#what-if-figures")).containsPattern("running the rules \\d+ times");
			String collapse = browser.text("#what-if-risk_economic_collapse");
			assertThat(collapse).contains("It would no longer apply if any one of these were so:",
					"“What is the level of world oil prices?” were ‘Medium’ instead of ‘Low’");
			browser.screenshot("what-if");
			assertThat(browser.axeViolations()).as("accessibility violations on the what-if page").isEmpty();

			// The first suggestion's result: the risk it says would no longer apply is among those that do not.
			browser.pressEnterOn("#what-if-risk_economic_collapse a.suggestion");
			browser.waitFor("#conditions-title");
			assertThat(browser.currentUrl()).contains("/advice?");
			assertThat(browser.attribute("#risk_economic_collapse", "class")).contains("absent");
		}
	}

}
