package org.policyadvisor.advisor;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.engine.TestPacks;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(AdvisorController.class)
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class })
class AdvisorControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Nested
	class Form {

		@Test
		void showsEveryThemeWithTheEarly2019SituationSelected() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/").exchange();
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("<h2>The West</h2>", "<h2>Nagorny Karabakh</h2>", "<h2>Diaspora in Russia</h2>");
			// The default of western_engagement is "low": exactly that radio is checked.
			assertThat(html).containsPattern("id=\"c-western_engagement-low\"\\s+value=\"low\" checked");
			assertThat(html).doesNotContainPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
		}

		@Test
		void isPrefilledFromTheQueryStringSoAResultCanBeRevised() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/?western_engagement=high").exchange();
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString())
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked")
				.contains("1 answer changed");
		}

		@Test
		void opensTheFirstThemeAndThoseWithChangesLeavingTheRestCollapsed() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/?oil_price=low").exchange().getResponse()
				.getContentAsString();
			assertThat(html).containsPattern("<details class=\"theme\" id=\"theme-west\" open")
				.containsPattern("<details class=\"theme\" id=\"theme-economy\" open")
				.containsPattern("<details class=\"theme\" id=\"theme-russia\">");
		}

		@Test
		void showAllQuestionsExpandsEveryThemeAndKeepsTheAnswers() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/?expand=all&oil_price=low").exchange()
				.getResponse().getContentAsString();
			assertThat(html).doesNotContainPattern("<details class=\"theme\" id=\"theme-[a-z_]+\">")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked")
				.doesNotContain("Show all questions");
		}

		@Test
		void labelsEveryRadioButtonAndDescribesEveryQuestion() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
			int radios = html.split("type=\"radio\"", -1).length - 1;
			// The radios' labels; the scenario picker's select has its own.
			int labels = html.split("<label for=\"c-", -1).length - 1;
			assertThat(radios).isGreaterThan(50).isEqualTo(labels);
			assertThat(html).contains("aria-describedby=\"help-oil_price\"");
		}

	}

	@Nested
	class ScenarioPicker {

		private static final String OIL = "what-if-oil-price-collapse";

		@Test
		void offersTheScenariosGroupedByKindInAFormThatWorksWithoutJavaScript() throws Exception {
			String html = html("/");
			int picker = html.indexOf("class=\"scenario-picker\"");
			int conditions = html.indexOf("class=\"conditions\"");
			assertThat(picker).as("the picker comes before the conditions").isPositive().isLessThan(conditions);
			assertThat(html).containsPattern("<form method=\"get\" action=\"/\" class=\"scenario-form\">")
				.contains("<label for=\"scenario\">")
				.contains("<select id=\"scenario\" name=\"scenario\">")
				// Historical moments first, in the order of their ids (and so of time), then the what-ifs.
				.containsPattern("<optgroup label=\"Moments in the paper\">\\s*<option value=\"1992-93-elchibey\">")
				.containsPattern("<option value=\"2018-19-velvet-revolution\">"
						+ "2018–19: after Armenia&#39;s Velvet Revolution</option>\\s*</optgroup>")
				.containsPattern("<optgroup label=\"What if…\">(\\s*<option value=\"[^\"]+\">[^<]*</option>)*"
						+ "\\s*<option value=\"" + OIL + "\">")
				.contains(">Load scenario</button>");
			// Nothing is loaded yet, so no scenario is selected and none is described.
			assertThat(html).doesNotContain("selected=\"selected\"").doesNotContain("class=\"scenario-loaded\"");
		}

		@Test
		void loadingAScenarioFillsInItsAnswersAndDescribesIt() throws Exception {
			MvcTestResult result = get("/?scenario=" + OIL);
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked")
				.doesNotContainPattern("id=\"c-oil_price-medium\"\\s+value=\"medium\" checked")
				.containsPattern("<option value=\"" + OIL + "\" selected=\"selected\">")
				.contains("<span class=\"kind\">Loaded:</span> <span>What if oil prices collapsed before reforms?</span>")
				.contains("World oil prices fall sharply")
				.contains("Any answer it does not set keeps its early-2019")
				.contains("The 3 answers it sets")
				.containsPattern("What is the level of world oil prices\\?</span>\\s*<strong>Low</strong>");
		}

		@Test
		void answersInTheQueryStringApplyOnTopOfTheScenario() throws Exception {
			String html = html("/?scenario=" + OIL + "&western_engagement=high");
			assertThat(html).containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked")
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
		}

		@Test
		void anUnknownScenarioIsANotFoundFormWithAMessage() throws Exception {
			MvcTestResult result = get("/?scenario=2030-no-such-year");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("There is no scenario &#39;2030-no-such-year&#39; in this rule pack.")
				.contains("aria-describedby=\"scenario-error\"")
				.containsPattern("id=\"c-oil_price-medium\"\\s+value=\"medium\" checked")
				.doesNotContain("class=\"scenario-loaded\"");
		}

		@Test
		void anUnknownScenarioIdIsShownAsTextNeverAsMarkup() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/?scenario={id}", "<b>${7*7}</b>")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(result.getResponse().getContentAsString()).contains("&lt;b&gt;${7*7}&lt;/b&gt;")
				.doesNotContain("<b>");
		}

		@Test
		void choosingNoScenarioShowsTheEarly2019Form() throws Exception {
			MvcTestResult result = get("/?scenario=");
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString())
				.containsPattern("id=\"c-oil_price-medium\"\\s+value=\"medium\" checked")
				.doesNotContain("scenario-error")
				.doesNotContain("class=\"scenario-loaded\"");
		}

		@Test
		void theAdvicePageEvaluatesAScenarioDirectlyAndSaysSo() throws Exception {
			MvcTestResult result = get("/advice?scenario=" + OIL);
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_RESULT);
			String html = result.getResponse().getContentAsString();
			assertThat(html.substring(0, html.indexOf("What does not apply")))
				.contains("Economic collapse pitches the country into chaos");
			assertThat(html).containsPattern("These are the conditions of the scenario\\s*<a href=\"/\\?scenario=" + OIL
					+ "\">“What if oil prices collapsed before reforms\\?”</a>\\.");
		}

		@Test
		void theFormsConditionsAreRecognisedAsTheScenarioTheyWereLoadedFrom() throws Exception {
			// The form submits every answer and no scenario id: equal conditions are what tell the scenario.
			String html = html("/advice?" + everyAnswerOf(OIL));
			assertThat(html).contains("These are the conditions of the scenario")
				.contains("“What if oil prices collapsed before reforms?”");
		}

		@Test
		void onceAnAnswerIsChangedTheResultIsNoLongerTheScenarios() throws Exception {
			String html = html("/advice?" + everyAnswerOf(OIL).replace("western_engagement=low", "western_engagement=high"));
			assertThat(html).contains("Economic collapse pitches the country into chaos")
				.doesNotContain("class=\"scenario-basis\"");
		}

		@Test
		void aScenarioWithChangesIsNamedAsTheStartingPointWithTheNumberOfChanges() throws Exception {
			String html = html("/advice?scenario=" + OIL + "&western_engagement=high&oil_price=high");
			assertThat(html).contains("Started from the scenario")
				.contains("“What if oil prices collapsed before reforms?”</a>; 2 answers differ from it.");
			assertThat(html.substring(0, html.indexOf("What does not apply")))
				.doesNotContain("Economic collapse pitches the country into chaos");
		}

		@Test
		void anUnknownScenarioOnTheAdvicePageIsANotFoundForm() throws Exception {
			MvcTestResult result = get("/advice?scenario=no-such-scenario");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(AdvisorController.VIEW_FORM);
			assertThat(result.getResponse().getContentAsString()).contains("There is no scenario &#39;no-such-scenario&#39;");
		}

		@Test
		void anInvalidAnswerOnTopOfAScenarioKeepsTheScenarioLoaded() throws Exception {
			MvcTestResult result = get("/advice?scenario=" + OIL + "&western_engagement=lots");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(AdvisorController.VIEW_FORM);
			assertThat(result.getResponse().getContentAsString()).contains("id=\"error-western_engagement\"")
				.containsPattern("<option value=\"" + OIL + "\" selected=\"selected\">")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked");
		}

		/** The query string the form submits when loaded with the scenario and left unchanged. */
		private String everyAnswerOf(String id) {
			RulePack pack = TestPacks.shipped().pack();
			return pack.conditionsOf(pack.scenario(id).orElseThrow()).entrySet().stream()
				.map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
		}

		private MvcTestResult get(String uri) {
			return AdvisorControllerTests.this.mvc.get().uri(uri).exchange();
		}

		private String html(String uri) throws Exception {
			MvcTestResult result = get(uri);
			assertThat(result).hasStatusOk();
			return result.getResponse().getContentAsString();
		}

	}

	@Nested
	class Saving {

		@Test
		void theResultOffersToSaveItsConditionsWithACsrfProtectedForm() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse()
				.getContentAsString();
			assertThat(html).contains("Save these conditions as a scenario", "action=\"/scenarios\"",
					"name=\"_csrf\"", "<input type=\"hidden\" name=\"oil_price\" value=\"low\">",
					"<input id=\"save-name\" name=\"name\"");
		}

		@Test
		void theFormCanBeSavedAsAScenarioWithItsAnswers() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
			assertThat(html).contains("formaction=\"/scenarios/new\">Save as a scenario</button>");
		}

	}

	@Nested
	class Advice {

		@Test
		void theDefaultsGiveRisksAndRecommendationsWithTheirWhy() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/advice").exchange();
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_RESULT);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("Russia forces a change in Azerbaijan&#39;s policy on Nagorny Karabakh")
				.contains("For Western governments")
				.contains("Why this applies")
				.contains("R6.05")
				.contains("The first is Russia&#39;s potential to force policy change in respect of Nagorny Karabakh.");
		}

		@Test
		void listsRisksStrongestFirst() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice").exchange().getResponse()
				.getContentAsString();
			String risks = html.substring(html.indexOf("id=\"risks-title\""), html.indexOf("id=\"recs-title\""));
			java.util.regex.Matcher headings = java.util.regex.Pattern
				.compile("<h3><span>[^<]*</span>\\s*<span class=\"strength strength-(\\w+)\"").matcher(risks);
			List<Integer> ranks = new java.util.ArrayList<>();
			while (headings.find()) {
				ranks.add(List.of("possible", "likely", "asserted").indexOf(headings.group(1)));
			}
			assertThat(ranks).hasSizeGreaterThan(3).doesNotContain(-1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
			assertThat(ranks.get(0)).isGreaterThan(ranks.get(ranks.size() - 1));
		}

		@Test
		void explainsWhyARecommendationDoesNotApply() throws Exception {
			// With Western engagement high, the balance does not erode, so re-engagement is not recommended; the
			// why-not goes down through the effect to the condition.
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice?western_engagement=high").exchange()
				.getResponse().getContentAsString();
			int absentSection = html.indexOf("What does not apply, and why not");
			assertThat(absentSection).isPositive();
			String absent = html.substring(absentSection);
			assertThat(absent).contains("Re-engage in South Caucasus affairs")
				.contains("Azerbaijan&#39;s balancing act between Russia and the West is eroding</span> <strong>does not hold</strong>")
				.contains("needs <strong>Low</strong>; this scenario has <strong>High</strong>");
		}

		@Test
		void aConditionChangeChangesTheResult() throws Exception {
			String low = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse()
				.getContentAsString();
			String high = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=high").exchange().getResponse()
				.getContentAsString();
			String collapse = "Economic collapse pitches the country into chaos";
			assertThat(low.substring(0, low.indexOf("What does not apply"))).contains(collapse);
			assertThat(high.substring(0, high.indexOf("What does not apply"))).doesNotContain(collapse);
		}

		@Test
		void carriesItsConditionsInAShareableLink() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse()
				.getContentAsString();
			assertThat(html).containsPattern("id=\"share-link\"[^>]*value=\"http://localhost/advice\\?[^\"]*oil_price=low");
		}

		@Test
		void anInvalidValueReturnsTheFormWithAFieldMessageAndKeepsTheOtherAnswers() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get()
				.uri("/advice?oil_price=banana&western_engagement=high").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("There is a problem with one answer")
				.contains("id=\"error-oil_price\"")
				.contains("Choose one of low, medium, high (got &#39;banana&#39;).")
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
		}

		@Test
		void anEmptyValueIsAFieldErrorNotAServerError() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentAsString()).contains("got an empty value");
		}

		@Test
		void templateSyntaxInInputIsNeverEvaluated() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get()
				.uri("/advice?oil_price={v}", "${7*7}").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentAsString()).contains("got &#39;${7*7}&#39;")
				.doesNotContain("got &#39;49&#39;");
		}

	}

}
