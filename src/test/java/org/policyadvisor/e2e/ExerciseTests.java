package org.policyadvisor.e2e;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tabletop exercise in the packaged jar, in a real browser, as a facilitator and a participant use it: created in
 * the form, two turns added (the second with a row added by "Add another inject", which keeps what was typed), and
 * the participants' view showing the timeline change between turns. Every page passes axe.
 * <p>
 * The case is read from the DRL: rule R0.08 concludes "Economic collapse…" (possible) when the oil price is low, from
 * the early-2019 situation; turn 1 sets it low, turn 2 puts it back to medium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExerciseTests {

	private static final String RISK = "risk_economic_collapse";

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void aFacilitatorPlaysTwoTurnsAndParticipantsSeeTheTimelineChange() throws Exception {
		try (Browser browser = Browser.open(1280, 2400)) {
			browser.go(this.app.url("/exercises"));
			browser.pressEnterOn("a[href='/exercises/new']");
			browser.waitFor("#title");
			assertThat(browser.axeViolations()).as("accessibility violations on the new-exercise form").isEmpty();

			// A problem first: no title. The briefing typed is kept.
			browser.type("#briefing", "You advise the government in Baku.\nOil is the budget.");
			browser.pressEnterOn("form.exercise-form button.primary");
			browser.waitFor("#error-summary");
			assertThat(browser.text("#error-summary")).contains("Give the exercise a title");
			assertThat(browser.value("#briefing")).isEqualTo("You advise the government in Baku.\nOil is the budget.");
			assertThat(browser.axeViolations()).as("accessibility violations on the form with a problem").isEmpty();

			browser.type("#title", "Oil shock in Baku");
			browser.choose("#start", "defaults");
			browser.pressEnterOn("form.exercise-form button.primary");
			browser.waitFor("#edit-link");
			assertThat(browser.currentUrl()).contains("/edit/");
			assertThat(browser.text(".links-panel")).contains("Keep this link secret; it is the only way to change the exercise.");
			String viewLink = browser.value("#view-link");
			String editLink = browser.value("#edit-link");
			assertThat(editLink).startsWith(viewLink + "/edit/");
			assertThat(browser.axeViolations()).as("accessibility violations on the facilitator's page").isEmpty();

			// Turn 1: the oil price falls.
			browser.type("#turn-title", "Day 1: oil price crash");
			browser.choose("#inject-0-change", "oil_price=low");
			browser.type("#inject-0-note", "Brent falls below $40 after OPEC talks collapse.");
			browser.pressEnterOn("form.turn-form button.primary");
			browser.waitFor("#turn-1");
			assertThat(browser.text(".status-message")).contains("Turn 1 is added");

			// Turn 2: three injects, the third in a row asked for with "Add another inject".
			browser.type("#turn-title", "Day 2: prices recover, the West returns");
			browser.choose("#inject-0-change", "oil_price=medium");
			browser.type("#inject-0-note", "OPEC agrees cuts.");
			browser.choose("#inject-1-change", "western_engagement=high");
			browser.pressEnterOn("form.turn-form button[name=more]");
			browser.waitFor("#inject-3-change");
			assertThat(browser.count("fieldset.inject-row")).isEqualTo(4);
			assertThat(browser.value("#turn-title")).isEqualTo("Day 2: prices recover, the West returns");
			assertThat(browser.value("#inject-0-change")).isEqualTo("oil_price=medium");
			assertThat(browser.value("#inject-0-note")).isEqualTo("OPEC agrees cuts.");
			assertThat(browser.value("#inject-1-change")).isEqualTo("western_engagement=high");
			browser.choose("#inject-3-change", "unemployment_poverty=low");
			browser.type("#inject-3-note", "Jobs programme in the regions.");
			browser.pressEnterOn("form.turn-form button.primary");
			browser.waitFor("#turn-2");
			assertThat(browser.text(".status-message")).contains("Turn 2 is added");
			browser.go(editLink);
			browser.waitFor("#links-heading");
			browser.screenshot("exercise-facilitator");
			browser.openAllDetails();
			assertThat(browser.axeViolations()).as("accessibility violations on the facilitator's page with turns")
				.isEmpty();

			// The participants' view: the risk's row is empty at the start, new at turn 1, ended at turn 2.
			browser.go(viewLink);
			browser.waitFor("svg.timeline-chart");
			assertThat(browser.text("h1")).contains("Oil shock in Baku");
			assertThat(status(browser, 0)).isEqualTo("none");
			assertThat(status(browser, 1)).isEqualTo("appeared-possible");
			assertThat(status(browser, 2)).isEqualTo("ended");
			assertThat(status(browser, 2)).isNotEqualTo(status(browser, 0)).isNotEqualTo(status(browser, 1));
			assertThat(browser.text("#turn-1")).contains("Brent falls below $40 after OPEC talks collapse.")
				.contains("New risk:").contains("Economic collapse pitches the country into chaos");
			assertThat(browser.text("#turn-2")).contains("Risk ended:").contains("Jobs programme in the regions.");
			assertThat(browser.text("body")).doesNotContain(editLink);
			browser.screenshot("exercise-participants");
			browser.screenshotOf(".timeline-scroll", "exercise-timeline");
			browser.openAllDetails();
			assertThat(browser.text("table.timeline-table tr[data-conclusion=" + RISK + "]"))
				.contains("does not hold", "possible, new at this turn", "ended at this turn");
			assertThat(browser.axeViolations()).as("accessibility violations on the participants' view").isEmpty();

			String viewPath = viewLink.substring(viewLink.indexOf("/exercises/"));
			HttpResponse<String> png = this.app.get(viewPath + "/timeline.png");
			assertThat(png.statusCode()).isEqualTo(200);
			assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
			HttpResponse<String> pdf = this.app.get(viewPath + "/report.pdf", java.time.Duration.ofSeconds(60));
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
			assertThat(pdf.body()).startsWith("%PDF-");
			HttpResponse<String> md = this.app.get(viewPath + "/report.md");
			assertThat(md.body()).startsWith("# After-action report: Oil shock in Baku")
				.contains("| Risk: Economic collapse pitches the country into chaos and boosts Russia's influence | – | ▲ possible | ▼ ended |");

			// A wrong edit link is refused with a page that says so.
			browser.go(editLink.substring(0, editLink.length() - 1) + (editLink.endsWith("A") ? "B" : "A"));
			browser.waitFor("h1");
			assertThat(browser.text("h1")).contains("This needs the exercise's edit link");

			browser.go(this.app.url("/exercises"));
			browser.waitFor("#list-heading");
			assertThat(browser.text("table.exercise-list")).contains("Oil shock in Baku");
			assertThat(browser.axeViolations()).as("accessibility violations on the list of exercises").isEmpty();
		}
	}

	private static String status(Browser browser, int turn) {
		return browser.attribute("g.timeline-row[data-conclusion=" + RISK + "] g.timeline-cell[data-turn='" + turn + "']",
				"data-status");
	}

}
