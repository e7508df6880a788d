package org.policyadvisor.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparing scenarios in the packaged jar, in a real browser: from a result page to its comparison with early 2019,
 * where a conclusion that differs is explained by the changed condition and the rule that reads it; and through the
 * picker, by keyboard, to a comparison with a preset. Every page passes axe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareTests {

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void fromAResultToItsComparisonWithEarly2019AndTheExplanationOfWhatDiffers() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/advice?oil_price=low"));
			browser.pressEnterOn("#compare-early-2019");
			browser.waitFor("#why-risk_economic_collapse");
			assertThat(browser.currentUrl()).contains("/compare?s=defaults&s=current:oil_price%3Dlow");
			assertThat(browser.text("#differing-conditions")).contains("What is the level of world oil prices?",
					"Medium", "Low", "differs from A");
			assertThat(browser.text("#row-risk_economic_collapse")).contains("does not apply", "POSSIBLE");
			String why = browser.text("#why-risk_economic_collapse");
			assertThat(why).contains("Applies in B but not in A",
					"What is the level of world oil prices? is ‘Low’ in B (‘Medium’ in A)",
					"R0.08 Low oil prices could bring economic collapse");
			assertThat(browser.attribute("#why-risk_economic_collapse a.rule-id", "href")).isEqualTo("/rules/R0.08");
			browser.screenshot("compare-result-with-early-2019");
			browser.openAllDetails();
			assertThat(browser.text("#why-risk_economic_collapse"))
				.contains("What is the level of world oil prices? is ‘Medium’ in A (‘Low’ in B):", "rule R0.08 needs ‘Low’.");
			assertThat(browser.axeViolations()).as("accessibility violations on the comparison").isEmpty();

			// The rule named in the explanation leads to its entry in the catalogue.
			browser.pressEnterOn("#why-risk_economic_collapse a.rule-id");
			browser.waitFor("[id='R0.08']");
			assertThat(browser.currentUrl()).endsWith("/rules#R0.08");
		}
	}

	@Test
	void thePickerStartsFromTheResultAndAddsAPresetByKeyboard() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/advice?oil_price=low&genuine_reforms=genuine"));
			browser.pressEnterOn("#compare-with");
			browser.waitFor("#compare-picker");
			assertThat(browser.text("#slot-A")).contains("Result 1 (2 answers changed from early 2019)");
			assertThat(browser.axeViolations()).as("accessibility violations on the picker").isEmpty();
			browser.chooseWithArrowKeys("s-B", "preset:what-if-oil-price-collapse");
			browser.screenshot("compare-picker");
			browser.pressEnterOn("#saved-B");
			browser.waitFor("#differing-conditions");
			assertThat(browser.currentUrl())
				.contains("s=current%3Agenuine_reforms%3Dgenuine%26oil_price%3Dlow&s=preset%3Awhat-if-oil-price-collapse");
			// Reforms that are genuine in A and lacking in B make the oil price matter again, through R0.07.
			assertThat(browser.text("#why-risk_economic_collapse")).contains("Applies in B but not in A", "R0.07",
					"R0.08");
			browser.openAllDetails();
			browser.screenshot("compare-result-with-preset");
			assertThat(browser.axeViolations()).as("accessibility violations on a comparison with a preset").isEmpty();

			browser.go(this.app.url("/compare?s=defaults&s=preset:what-if-moon-landing"));
			assertThat(browser.text("#error-summary")).contains("Scenario B: There is no preset scenario");
			assertThat(browser.axeViolations()).as("accessibility violations on the picker with an error").isEmpty();
		}
	}

	@Test
	void aComparisonOfFourReadsOnAPhone() throws Exception {
		try (Browser browser = Browser.open(390, 844)) {
			browser.go(this.app.url("/compare?s=defaults&s=preset:2016-april-war&s=preset:what-if-oil-price-collapse"
					+ "&s=preset:what-if-west-reengages-nuanced"));
			browser.waitFor("#differing-conditions");
			assertThat(browser.horizontalOverflow()).as("page wider than the phone screen").isFalse();
			browser.screenshot("compare-four-phone");
		}
	}

}
