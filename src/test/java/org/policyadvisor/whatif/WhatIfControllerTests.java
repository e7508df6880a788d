package org.policyadvisor.whatif;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if page and {@code /api/what-if}, and the result page's link to the page (its controller is
 * package-private, so it is named by a filter).
 */
@WebMvcTest(controllers = { WhatIfController.class, WhatIfApiController.class },
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.policyadvisor\\.advisor\\.AdvisorController"))
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, WhatIfAnalysis.class })
class WhatIfControllerTests {

	private static final String OIL = "what-if-oil-price-collapse";

	@Autowired
	private MockMvcTester mvc;

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).exchange();
	}

	private String html(String uri) throws Exception {
		MvcTestResult result = get(uri);
		assertThat(result).hasStatusOk().hasViewName(WhatIfController.VIEW_ANALYSIS);
		return result.getResponse().getContentAsString();
	}

	/** The article of one conclusion on the page. */
	private static String article(String html, String conclusionId) {
		int start = html.indexOf("id=\"what-if-" + conclusionId + "\"");
		assertThat(start).as("article of %s", conclusionId).isPositive();
		return html.substring(start, html.indexOf("</article>", start));
	}

	@Nested
	class Page {

		@Test
		void showsTheFourKindsOfChangeTheRankingAndTheFigures() throws Exception {
			String html = html("/what-if");
			assertThat(html).contains("<h2 id=\"risks-title\">Risks that would appear or disappear</h2>",
					"<h2 id=\"recs-title\">Recommendations that would appear or disappear</h2>",
					"Risks that apply now, and what would remove them",
					"Recommendations that do not apply, and what would bring them about",
					"<h2 id=\"ranking-title\">Conditions that move the most conclusions</h2>",
					"<th scope=\"row\">How do Western governments read developments in Azerbaijan?</th>")
				.containsPattern("Found by running the rules\\s*<strong>\\d{3,}</strong> times: once on these"
						+ " conditions,\\s*<span>99</span> single changes and\\s*<span>\\d+</span> pairs of changes,"
						+ " in <strong>\\d+ ms</strong>");
		}

		@Test
		void eachSuggestionLinksToTheResultWithTheChangeApplied() throws Exception {
			String economicCollapse = article(html("/what-if"), "risk_economic_collapse");
			assertThat(economicCollapse).contains("It would apply if this were so:")
				.contains("<a class=\"suggestion\" href=\"/advice?oil_price=low\">")
				.containsPattern("“What is the level of world oil prices\\?”</span> were <strong>‘Low’</strong>\\s*"
						+ "instead of <span>‘Medium’</span>");
		}

		@Test
		void startsFromTheConditionsOfTheQueryStringAndKeepsThemInTheLinks() throws Exception {
			String html = html("/what-if?oil_price=low");
			String economicCollapse = article(html, "risk_economic_collapse");
			assertThat(economicCollapse).contains("It would no longer apply if any one of these were so:")
				// Back to the defaults is the result page without parameters.
				.contains("href=\"/advice?\"")
				.contains("href=\"/advice?oil_dependence=low&amp;oil_price=low\"");
			assertThat(html).contains("href=\"/advice?oil_price=low\" id=\"back-to-result\"");
		}

		@Test
		void aScenarioStaysTheBaseOfItsLinks() throws Exception {
			String html = html("/what-if?scenario=" + OIL);
			assertThat(html).contains("Starting from the scenario")
				.contains("What if oil prices collapsed before reforms?");
			assertThat(article(html, "risk_economic_collapse"))
				.contains("href=\"/advice?scenario=" + OIL + "&amp;oil_price=medium\"");
		}

		@Test
		void pairsAreListedWhereNoSingleChangeDoesIt() throws Exception {
			String softPower = article(html("/what-if"), "risk_russian_soft_power");
			assertThat(softPower).contains("No single change would remove it.")
				.containsPattern("<a class=\"suggestion\" href=\"/advice\\?[a-z_]+=[a-z_]+&amp;[a-z_]+=[a-z_]+\">")
				.contains("</strong>\n          instead of <span>");
		}

		@Test
		void saysSoWhenNothingWithinTwoChangesMovesAConclusion() throws Exception {
			assertThat(article(html("/what-if"), "risk_government_collapse")).doesNotContain("class=\"suggestion\"")
				.containsPattern("<p class=\"none\">It would still not apply after any single change, or any pair of"
						+ " changes, of the \\d+ conditions it depends on.</p>");
		}

		@Test
		void aValueThatIsNotAnAnswerIsABadRequestNamingTheQuestion() throws Exception {
			MvcTestResult result = get("/what-if?oil_price=zzz&western_lens=nuanced");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(WhatIfController.VIEW_PROBLEM);
			assertThat(result.getResponse().getContentAsString())
				.contains("One condition has a value that is not one of its answers.")
				.contains("<strong>What is the level of world oil prices?</strong>")
				.contains("Choose one of low, medium, high (got &#39;zzz&#39;).")
				.contains("href=\"/?oil_price=zzz&amp;western_lens=nuanced\"");
		}

		@Test
		void anUnknownScenarioIsNotFound() throws Exception {
			MvcTestResult result = get("/what-if?scenario=2030-no-such-year");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(WhatIfController.VIEW_PROBLEM);
			assertThat(result.getResponse().getContentAsString())
				.contains("There is no scenario ‘2030-no-such-year’ in this rule pack.");
		}

		@Test
		void inputIsShownAsTextNeverAsMarkup() throws Exception {
			MvcTestResult result = WhatIfControllerTests.this.mvc.get().uri("/what-if?oil_price={v}", "<b>${7*7}</b>")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentAsString()).contains("&lt;b&gt;${7*7}&lt;/b&gt;")
				.doesNotContain("<b>");
		}

		@Test
		void theResultPageLinksToTheAnalysisOfItsConditions() throws Exception {
			MvcTestResult result = get("/advice?oil_price=low");
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString())
				.containsPattern("<a href=\"/what-if\\?[^\"]*oil_price=low[^\"]*\" id=\"what-if-link\">What would"
						+ " change this\\? \\(what-if analysis\\)</a>");
		}

	}

	@Nested
	class Api {

		@Test
		void givesEachConclusionsChangesInWordsWithTheirResult() {
			MvcTestResult result = get("/api/what-if");
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			String collapse = "$.risks[?(@.id == 'risk_economic_collapse')]";
			assertThat(result).bodyJson().extractingPath(collapse + ".holdsNow").asArray().containsExactly(false);
			assertThat(result).bodyJson().extractingPath(collapse + ".suggestions[0].changes[0]").asArray()
				.singleElement().isEqualTo(java.util.Map.of("condition", "oil_price", "from", "medium", "to", "low"));
			assertThat(result).bodyJson().extractingPath(collapse + ".suggestions[0].advice").asArray()
				.containsExactly("/advice?oil_price=low");
			assertThat(result).bodyJson().extractingPath(collapse + ".suggestions[0].text").asArray().singleElement()
				.asString().startsWith("Risk “").endsWith("” would apply if “What is the level of world oil prices?”"
						+ " were ‘Low’ instead of ‘Medium’.");
			assertThat(result).bodyJson().extractingPath("$.recommendations[*].kind").asArray()
				.containsOnly("recommendation");
			assertThat(result).bodyJson().extractingPath("$.figures.singleChanges").isEqualTo(99);
			assertThat(result).bodyJson().extractingPath("$.ranking[0].best").asArray().isNotEmpty();
		}

		@Test
		void takesAScenarioWithConditionsOnTop() {
			MvcTestResult result = get("/api/what-if?scenario=" + OIL + "&western_lens=nuanced");
			assertThat(result).hasStatusOk();
			assertThat(result).bodyJson().extractingPath("$.scenario").isEqualTo(OIL);
			assertThat(result).bodyJson().extractingPath("$.conditions.oil_price").isEqualTo("low");
			assertThat(result).bodyJson().extractingPath("$.conditions.western_lens").isEqualTo("nuanced");
			assertThat(result).bodyJson()
				.extractingPath("$.risks[?(@.id == 'risk_economic_collapse')].suggestions[*].advice").asArray()
				.contains("/advice?scenario=" + OIL + "&western_lens=nuanced&oil_price=medium");
		}

		@Test
		void badValuesAndUnknownParametersAreProblemsNamingTheirFields() {
			MvcTestResult result = get("/api/what-if?oil_price=zzz&no_such_thing=1");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid conditions");
			assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
				.containsExactly("no_such_thing", "oil_price");
		}

		@Test
		void anUnknownScenarioIsAProblem() {
			MvcTestResult result = get("/api/what-if?scenario=2030");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unknown scenario");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("scenario");
		}

		@Test
		void aPostIsNotAllowedAndSaysSoAsAProblem() {
			MvcTestResult result = WhatIfControllerTests.this.mvc.post().uri("/api/what-if").exchange();
			assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

}
