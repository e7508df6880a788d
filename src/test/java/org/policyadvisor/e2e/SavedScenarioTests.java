package org.policyadvisor.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a result as a scenario and opening it again, in the browser, from the keyboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedScenarioTests {

	private static final Pattern EDIT_URL = Pattern
		.compile("/scenarios/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?done=created$");

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void aResultIsSavedAndItsViewLinkShowsItsConditions() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/advice?oil_price=low&western_engagement=high"));
			browser.pressEnterOn("#save-scenario > summary");
			browser.type("#save-name", "Browser: oil low, the West engaged");
			browser.type("#save-notes", "Saved by the browser test.\nSecond line.");
			browser.screenshot("result-save-form");
			assertThat(browser.axeViolations()).as("accessibility violations on the result with the save form")
				.isEmpty();
			browser.pressEnterOn(".save-form button[type=submit]");
			browser.waitFor("#links-title");

			// The edit page, with both links and the warning about the secret one.
			Matcher edit = EDIT_URL.matcher(browser.currentUrl());
			assertThat(edit.find()).as("on the new scenario's edit page: " + browser.currentUrl()).isTrue();
			String id = edit.group(1);
			assertThat(browser.text("#done")).contains("Scenario saved.", "only way to change or delete");
			assertThat(browser.value("#view-link")).isEqualTo(this.app.url("/scenarios/" + id));
			assertThat(browser.value("#edit-link")).isEqualTo(this.app.url("/scenarios/" + id + "/edit/" + edit.group(2)));
			assertThat(browser.text("#edit-link-hint")).contains("Keep this link");
			assertThat(browser.isDisplayed("button[data-copy=edit-link]")).as("copy button shown by its script").isTrue();
			assertThat(browser.value("#name")).isEqualTo("Browser: oil low, the West engaged");
			assertThat(browser.isChecked("c-oil_price-low")).isTrue();
			browser.screenshot("saved-edit");
			browser.openAllDetails();
			assertThat(browser.axeViolations()).as("accessibility violations on the edit page").isEmpty();

			// The view link, as anyone would open it.
			browser.go(browser.value("#view-link"));
			browser.waitFor("#conditions-title");
			assertThat(browser.text("h1").strip()).isEqualTo("Browser: oil low, the West engaged");
			assertThat(browser.text(".notes-text")).contains("Saved by the browser test.\nSecond line.");
			assertThat(browser.text("#changed-conditions").replaceAll("\\s+", " "))
				.contains("What is the level of world oil prices? Low changed Medium")
				.contains("How engaged are Western governments, above all the US, in South Caucasus affairs? High");
			assertThat(browser.text("#outcome-risks")).contains("Economic collapse pitches the country into chaos");
			assertThat(browser.text("main")).doesNotContain("/edit/");
			browser.screenshot("saved-view");
			browser.openAllDetails();
			assertThat(browser.axeViolations()).as("accessibility violations on the view page").isEmpty();

			browser.pressEnterOn("#open-result");
			browser.waitFor("#risks-title");
			assertThat(browser.currentUrl()).contains("/advice?").contains("oil_price=low")
				.contains("western_engagement=high");

			browser.go(this.app.url("/scenarios"));
			assertThat(browser.text(".saved-list")).contains("Browser: oil low, the West engaged");
			browser.screenshot("saved-list");
			assertThat(browser.axeViolations()).as("accessibility violations on the list").isEmpty();
		}
	}

	@Test
	void aSaveWithoutANameComesBackWithTheMessageAndTheAnswersKept() throws Exception {
		try (Browser browser = Browser.open()) {
			browser.go(this.app.url("/?oil_price=low"));
			browser.pressEnterOn("button[formaction='/scenarios/new']");
			browser.waitFor("#name");
			assertThat(browser.isChecked("c-oil_price-low")).isTrue();
			browser.type("#notes", "No name given.");
			browser.pressEnterOn(".scenario-form button[type=submit]");
			browser.waitFor("#error-summary");
			assertThat(browser.text("#error-summary")).contains("Enter a name for the scenario.");
			assertThat(browser.attribute("#name", "aria-describedby")).isEqualTo("name-error");
			assertThat(browser.value("#notes")).isEqualTo("No name given.");
			assertThat(browser.isChecked("c-oil_price-low")).isTrue();
			browser.screenshot("saved-error");
			assertThat(browser.axeViolations()).as("accessibility violations on the save form with an error").isEmpty();
		}
	}

	/** The form's body is read as UTF-8, whatever script the name and notes are in. */
	@Test
	void aNameAndNotesInAnyScriptAreSavedAsTyped() throws Exception {
		FormClient client = new FormClient(this.app);
		client.open("/scenarios/new");
		String name = "Qarabağ – “Şuşa” — Москва, 東京";
		String location = client.post("/scenarios", java.util.Map.of("name", name, "notes", "Ünïcödé\nnotes ✓"))
			.headers().firstValue("Location").orElseThrow();
		Matcher edit = EDIT_URL.matcher(location);
		assertThat(edit.find()).as(location).isTrue();
		String json = this.app.get("/api/scenarios/saved/" + edit.group(1)).body();
		assertThat(json).contains("\"name\":\"" + name + "\"", "\"notes\":\"Ünïcödé\\nnotes ✓\"");
	}

	@Test
	void theSavedScenarioPagesReadOnAPhone() throws Exception {
		FormClient client = new FormClient(this.app);
		client.open("/scenarios/new");
		String location = client.post("/scenarios", java.util.Map.of("name", "On a phone", "notes",
				"A long note ".repeat(30), "oil_price", "low")).headers().firstValue("Location").orElseThrow();
		try (Browser browser = Browser.open(390, 844)) {
			browser.go(this.app.url(location.replaceFirst("^https?://[^/]+", "")));
			browser.waitFor("#links-title");
			assertThat(browser.horizontalOverflow()).as("edit page wider than the phone screen").isFalse();
			browser.screenshot("saved-edit-phone");
			browser.go(browser.value("#view-link"));
			browser.waitFor("#conditions-title");
			browser.openAllDetails();
			assertThat(browser.horizontalOverflow()).as("view page wider than the phone screen").isFalse();
			browser.screenshot("saved-view-phone");
		}
	}

}
