package org.policyadvisor.compare;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.saved.SavedScenarioRepository;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
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
 * The comparison page, the picker and the JSON API, with saved scenarios in a real embedded H2 database (in memory,
 * with the application's Flyway migrations), and the result page's links to them (its controller is package-private,
 * hence the filter).
 */
@WebMvcTest(controllers = { CompareController.class, CompareApiController.class },
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.policyadvisor\\.advisor\\.AdvisorController"))
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, ScenarioSources.class,
		SavedScenarioRepository.class })
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
class CompareControllerTests {

	private static final String OIL_LOW = "/compare?s=defaults&s=current:oil_price%3Dlow";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SavedScenarioRepository saved;

	/** The URI as given, already encoded: a template would encode its percent signs again. */
	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(URI.create(uri)).exchange();
	}

	private static String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Nested
	class Page {

		@Test
		void showsTheConditionThatDiffersAndCountsTheRest() throws Exception {
			MvcTestResult result = get(OIL_LOW);
			assertThat(result).hasStatusOk().hasViewName(CompareController.VIEW_COMPARISON);
			String html = html(result);
			assertThat(html).contains("<caption>The answer that differs, by scenario</caption>")
				.containsPattern("<tr id=\"condition-oil_price\">\\s*<th scope=\"row\">What is the level of world oil prices\\?</th>")
				.containsPattern("<td>\\s*<span>Medium</span>")
				.containsPattern("<td class=\"differs\">\\s*<span>Low</span>\\s*<span class=\"differs-mark\">differs from A</span>")
				.contains("64 questions answered the same");
			assertThat(html.split("<tr id=\"condition-", -1)).hasSize(2);
		}

		@Test
		void showsTheConclusionThatDiffersWithItsStrengthInEachScenario() throws Exception {
			String html = html(get(OIL_LOW));
			assertThat(html).containsPattern("<tr id=\"row-risk_economic_collapse\">\\s*<th scope=\"row\"><span>Economic collapse")
				.containsPattern("(?s)id=\"row-risk_economic_collapse\".*?<span class=\"not-applying\">does not apply</span>.*?strength-possible")
				.doesNotContain("id=\"row-rec_")
				.doesNotContain("id=\"effects\"");
		}

		@Test
		void explainsTheDifferenceByTheChangedConditionAndTheRuleThatReadsIt() throws Exception {
			String html = html(get(OIL_LOW));
			String why = html.substring(html.indexOf("id=\"why-risk_economic_collapse\""));
			assertThat(why).contains("Applies in B but not in A", "Because, in B:")
				.containsPattern("<em>What is the level of world oil prices\\?</em>\\s*is <strong>‘Low’</strong> in B\\s*<span>\\(‘Medium’ in A\\)</span>")
				.containsPattern("href=\"/rules/R0.08\"[^>]*>R0.08</a>\\s*<span>Low oil prices could bring economic collapse")
				.contains("Why it does not apply in A")
				.containsPattern("(?s)Why it does not apply in A.*?<em>What is the level of world oil prices\\?</em>\\s*is <strong>‘Medium’</strong> in A\\s*<span>\\(‘Low’ in B\\):</span>")
				.containsPattern("rule <a class=\"rule-id\" href=\"/rules/R0.08\"[^>]*>R0.08</a>\\s*needs <strong>‘Low’</strong>\\.");
		}

		@Test
		void aChainThroughAnEffectNamesEveryRuleInOrder() throws Exception {
			String html = html(get("/compare?s=current:oil_price%3Dlow&s=current:oil_price%3Dlow%26oil_dependence%3Dlow"));
			String why = html.substring(html.indexOf("id=\"why-risk_economic_collapse\""));
			assertThat(why).contains("Applies in A but not in B")
				.containsPattern("(?s)How dependent is Azerbaijan&#39;s economy on the energy sector\\?</em>\\s*is <strong>‘High’</strong> in A.*?/rules/R0.07.*?/rules/R0.08");
			// The intermediate effect that differs is listed too, collapsed.
			assertThat(html).containsPattern("<details class=\"differences kind-effect\" id=\"effects\">\\s*<summary>1 intermediate effect differs</summary>")
				.contains("id=\"why-leadership_oil_price_dependent\"");
		}

		@Test
		void linksToEachResultToEditingAndToSwappingTheBaseline() throws Exception {
			String html = html(get(OIL_LOW));
			assertThat(html).contains("href=\"/compare?from=defaults&amp;from=current%3Aoil_price%3Dlow\"")
				.contains("href=\"/api/compare?s=defaults&amp;s=current%3Aoil_price%3Dlow\"")
				.contains("href=\"/compare?s=current%3Aoil_price%3Dlow&amp;s=defaults\">make it the baseline</a>")
				.contains("<a href=\"/advice?oil_price=low\">its result</a>");
		}

		@Test
		void scenariosAlikeDifferInNothing() throws Exception {
			String html = html(get("/compare?s=preset:2016-april-war&s=preset:2016-april-war"));
			assertThat(html).containsPattern("Every scenario answers all <span>65</span>\\s*questions the same way")
				.contains("id=\"no-differences\"")
				.doesNotContain("<table");
		}

		@Test
		void comparesFourScenariosSideBySide() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=preset:2016-april-war&s=preset:what-if-oil-price-collapse"
					+ "&s=current:oil_price%3Dlow");
			assertThat(result).hasStatusOk();
			String html = html(result);
			assertThat(html).contains("Comparing 4 scenarios", "2016: the April war", "id=\"scenario-D\"")
				.containsPattern("<th scope=\"col\"><span class=\"letter\">D</span>");
		}

	}

	@Nested
	class Picker {

		@Test
		void offersEarly2019AndEveryPresetInFourSlots() throws Exception {
			MvcTestResult result = get("/compare");
			assertThat(result).hasStatusOk().hasViewName(CompareController.VIEW_PICKER);
			String html = html(result);
			assertThat(html.split("<fieldset class=\"slot\"", -1)).hasSize(5);
			assertThat(html).contains("<legend>Scenario A, the baseline</legend>", "<label for=\"saved-B\">",
					"<option value=\"defaults\">Early 2019 (the paper&#39;s situation)</option>",
					"<option value=\"preset:2016-april-war\">")
				.doesNotContain("error-summary");
		}

		@Test
		void isFilledInFromAResultsLink() throws Exception {
			String html = html(get("/compare?from=current:oil_price%3Dlow"));
			assertThat(html).containsPattern("<option value=\"current:oil_price=low\" selected=\"selected\">Result 1"
					+ " \\(1 answer changed from early 2019\\)</option>");
			// Only slot A has it chosen; the others offer it.
			assertThat(html.split("<option value=\"current:oil_price=low\"", -1)).hasSize(5);
			assertThat(html.split("<option value=\"current:oil_price=low\" selected", -1)).hasSize(2);
		}

		@Test
		void aStartThatNamesNothingIsNamedAtItsSlot() throws Exception {
			MvcTestResult result = get("/compare?from=defaults&from=preset:what-if-moon-landing");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(CompareController.VIEW_PICKER);
			assertThat(html(result)).contains("Scenario B: There is no preset scenario &#39;what-if-moon-landing&#39;")
				.containsPattern("<option value=\"defaults\" selected=\"selected\">");
		}

		@Test
		void aSubmittedChoiceIsRedirectedToTheComparisonsOwnLink() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&saved=&s=preset:2016-april-war&saved=&s=&saved=&s=&saved=");
			assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
				.hasRedirectedUrl("/compare?s=defaults&s=preset%3A2016-april-war");
		}

		@Test
		void aSavedScenariosLinkTypedInASlotIsComparedByItsIdAlone() throws Exception {
			String id = saved.create("Drill", "", Map.of("oil_price", "low"), "1.0.0").scenario().id();
			String editLink = "https://advisor.example/scenarios/" + id + "/edit?token=" + "x".repeat(43);
			MvcTestResult result = get("/compare?s=defaults&saved=&s=&saved=" + encode(editLink) + "&s=&saved=&s=&saved=");
			assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
				.hasRedirectedUrl("/compare?s=defaults&s=saved%3A" + id);
		}

		@Test
		void aResultsLinkTypedInASlotIsComparedByItsConditions() throws Exception {
			MvcTestResult result = get("/compare?s=preset:2016-april-war&saved=&s=&saved="
					+ encode("http://localhost:8080/advice?oil_price=low&western_engagement=low"));
			assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
				.hasRedirectedUrl("/compare?s=preset%3A2016-april-war&s=current%3Aoil_price%3Dlow");
		}

		@Test
		void anUnknownSavedScenarioIsReportedAtItsSlot() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&saved=&s=&saved=AAAAAAAAAAAAAAAA");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(CompareController.VIEW_PICKER);
			assertThat(html(result)).contains("Scenario B: There is no saved scenario with the id &#39;AAAAAAAAAAAAAAAA&#39;.")
				.containsPattern("<fieldset class=\"slot has-error\" id=\"slot-B\">")
				.contains("value=\"AAAAAAAAAAAAAAAA\"")
				.containsPattern("<option value=\"defaults\" selected=\"selected\">");
		}

		@Test
		void aSlotWithBothAChoiceAndATypedLinkIsAProblem() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&saved=&s=preset:2016-april-war&saved=AAAAAAAAAAAAAAAA");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("Scenario B: Choose from the list or enter a link, not both.");
		}

		@Test
		void oneChoiceIsNotEnough() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&saved=&s=&saved=");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("Choose at least 2 scenarios to compare (1 given).");
		}

	}

	@Nested
	class Validation {

		@Test
		void oneSourceIsTooFew() throws Exception {
			MvcTestResult result = get("/compare?s=defaults");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(CompareController.VIEW_PICKER);
			assertThat(html(result)).contains("Choose at least 2 scenarios to compare (1 given).");
		}

		@Test
		void fiveSourcesAreTooMany() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=defaults&s=defaults&s=defaults&s=defaults");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("Compare at most 4 scenarios at a time (5 given).");
		}

		@Test
		void anUnknownPresetIsNotFoundAndNamed() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=preset:what-if-moon-landing");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(html(result))
				.contains("Scenario B: There is no preset scenario &#39;what-if-moon-landing&#39; in this rule pack.")
				.contains("value=\"preset:what-if-moon-landing\"");
		}

		@Test
		void anUnknownSavedScenarioIsNotFound() throws Exception {
			MvcTestResult result = get("/compare?s=saved:AAAAAAAAAAAAAAAA&s=defaults");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(html(result)).contains("Scenario A: There is no saved scenario with the id");
		}

		@Test
		void aMalformedSourceIsABadRequest() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=yesterday");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("Scenario B: &#39;yesterday&#39; is not a source. Each source is defaults,");
		}

		@Test
		void anInvalidValueIsABadRequestNamingTheQuestion() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=current:oil_price%3Dsky-high");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("Scenario B: The conditions of B are not valid.")
				.contains("<strong>What is the level of world oil prices? (oil_price)</strong> <span>Choose one of low,"
						+ " medium, high (got &#39;sky-high&#39;).</span>");
		}

		@Test
		void anUnknownConditionIsABadRequest() throws Exception {
			MvcTestResult result = get("/compare?s=defaults&s=current:moon_phase%3Dfull");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("&#39;moon_phase&#39; is not a condition of this rule pack.");
		}

		@Test
		void aMalformedSourceOutranksAnUnknownOne() throws Exception {
			MvcTestResult result = get("/compare?s=preset:nope&s=nonsense&s=defaults");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("There are 2 problems with this comparison", "Scenario A: There is no preset",
					"Scenario B: &#39;nonsense&#39; is not a source");
		}

		@Test
		void templateExpressionsInASourceAreShownNeverEvaluated() throws Exception {
			for (String payload : List.of("${1337*1337}", "__${1337*1337}__::.x", "*{1337*1337}")) {
				for (String source : List.of("preset:" + payload, "current:oil_price=" + encode(payload),
						"current:" + encode(payload) + "=low", payload)) {
					for (String path : List.of("/compare?s=defaults&s=", "/compare?from=", "/api/compare?s=defaults&s=")) {
						MvcTestResult result = get(path + encode(source));
						assertThat(result.getResponse().getStatus()).as(path + source).isBetween(400, 499);
						assertThat(html(result)).as(path + source).doesNotContain("1787569");
					}
				}
			}
		}

		/** Each as the servlet container hands it over, decoded; the test encodes it for the link. */
		static Stream<String> garbage() {
			return Stream.of("", " ", ":", "preset:", "saved:", "current:=x", "current:oil_price", "current:%",
					"current:oil_price=%zz", "current:oil_price=low&oil_price=high", "preset:../../etc",
					"saved:" + "A".repeat(7000), "CURRENT:x", "defaults:x", "\u2603", "<script>", "saved:\u0000",
					"current:" + "a=b&".repeat(900), "current:oil_price=", "current:oil_price=lo w");
		}

		@ParameterizedTest
		@MethodSource("garbage")
		void garbageIsAClientErrorOnThePageAndInTheApi(String source) throws Exception {
			for (String path : List.of("/compare", "/api/compare")) {
				MvcTestResult result = get(path + "?s=defaults&s=" + encode(source));
				assertThat(result.getResponse().getStatus()).as("%s with %s", path, source).isBetween(400, 499);
			}
			assertThat(get("/compare?s=defaults&saved=&s=&saved=" + encode(source)).getResponse().getStatus())
				.as("typed in the picker").isBetween(400, 499);
			assertThat(get("/compare?from=" + encode(source)).getResponse().getStatus()).as("as the picker's start")
				.isLessThan(500);
		}

	}

	@Nested
	class SavedScenarios {

		@Test
		void aSavedScenarioIsComparedByNameAndWhatThePackNoLongerAsksIsLeftOut() throws Exception {
			SavedScenarioRepository.Created created = saved.create("Oil shock drill", "week 3",
					Map.of("oil_price", "low", "retired_question", "yes"), "0.9.0");
			String id = created.scenario().id();
			MvcTestResult result = get("/compare?s=defaults&s=saved:" + id);
			assertThat(result).hasStatusOk();
			assertThat(html(result)).contains("<strong>Oil shock drill</strong>", "Saved scenario",
					"href=\"/scenarios/" + id + "\"", "Left out: retired_question, which this rule pack no longer asks.",
					"id=\"why-risk_economic_collapse\"");
			// The edit token is no part of a comparison.
			assertThat(html(result)).doesNotContain(created.editToken());
		}

		@Test
		void aSavedScenarioWithAnAnswerThePackRefusesIsABadRequest() throws Exception {
			String id = saved.create("Odd", "", Map.of("oil_price", "sky-high"), "0.1.0").scenario().id();
			MvcTestResult result = get("/compare?s=saved:" + id + "&s=defaults");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("The saved scenario &#39;Odd&#39; has answers this rule pack does not accept.");
		}

		@Test
		void theApiNamesTheSavedScenarioAndItsPage() {
			String id = saved.create("Drill", "", Map.of("oil_price", "low"), "1.0.0").scenario().id();
			MvcTestResult result = get("/api/compare?s=saved:" + id + "&s=defaults");
			assertThat(result).hasStatusOk();
			assertThat(result).bodyJson().extractingPath("$.scenarios[0].label").isEqualTo("Drill");
			assertThat(result).bodyJson().extractingPath("$.scenarios[0].saved").isEqualTo("/scenarios/" + id);
			assertThat(result).bodyJson().extractingPath("$.conclusions[0].explanations[0].change").isEqualTo("disappears");
		}

	}

	@Nested
	class Api {

		@Test
		void givesTheSameComparisonCompactly() {
			MvcTestResult result = get("/api" + OIL_LOW);
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			assertThat(result).bodyJson().extractingPath("$.sameConditions").isEqualTo(64);
			assertThat(result).bodyJson().extractingPath("$.conditions[0].id").isEqualTo("oil_price");
			assertThat(result).bodyJson().extractingPath("$.conditions[0].values").asArray().containsExactly("medium", "low");
			assertThat(result).bodyJson().extractingPath("$.conclusions[*].id").asArray()
				.containsExactly("risk_economic_collapse");
			assertThat(result).bodyJson().extractingPath("$.conclusions[0].strengths").asArray()
				.containsExactly(null, "possible");
			assertThat(result).bodyJson().extractingPath("$.conclusions[0].explanations[0].because[0].condition")
				.isEqualTo("oil_price");
			assertThat(result).bodyJson().extractingPath("$.conclusions[0].explanations[0].because[0].rules").asArray()
				.containsExactly("R0.08");
			assertThat(result).bodyJson().extractingPath("$.conclusions[0].explanations[0].blocked[0].value")
				.isEqualTo("medium");
		}

		@Test
		void anUnknownPresetIsAProblemNamingTheSource() {
			MvcTestResult result = get("/api/compare?s=defaults&s=preset:nope");
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unknown scenario");
			assertThat(result).bodyJson().extractingPath("$.errors[0].source").isEqualTo(2);
			assertThat(result).bodyJson().extractingPath("$.errors[0].letter").isEqualTo("B");
			assertThat(result).bodyJson().extractingPath("$.errors[0].given").isEqualTo("preset:nope");
		}

		@Test
		void invalidValuesAreAProblemByCondition() {
			MvcTestResult result = get("/api/compare?s=defaults&s=current:oil_price%3Dsky-high");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].conditions.oil_price").asString()
				.startsWith("Choose one of low, medium, high");
		}

		@Test
		void theWrongNumberOfSourcesIsAProblem() {
			MvcTestResult result = get("/api/compare");
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.detail").asString()
				.startsWith("Choose at least 2 scenarios to compare (0 given).");
		}

	}

	@Nested
	class FromTheResultPage {

		private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" id=\"(compare-early-2019|compare-with)\"");

		@Test
		void theResultPageLinksToAComparisonWithEarly2019AndToThePickerWithItsConditions() throws Exception {
			String result = html(get("/advice?oil_price=low&western_engagement=low"));
			Matcher m = LINK.matcher(result);
			assertThat(m.find()).isTrue();
			String withEarly2019 = m.group(1).replace("&amp;", "&");
			assertThat(m.find()).isTrue();
			String picker = m.group(1).replace("&amp;", "&");
			// Only the answer that differs from early 2019 travels.
			assertThat(withEarly2019).isEqualTo("/compare?s=defaults&s=current:oil_price%3Dlow");
			assertThat(picker).isEqualTo("/compare?from=current:oil_price%3Dlow");

			String comparison = html(get(withEarly2019));
			assertThat(comparison).contains("id=\"why-risk_economic_collapse\"", "Applies in B but not in A");
			assertThat(html(get(picker))).contains("<option value=\"current:oil_price=low\" selected=\"selected\">");
		}

	}

}
