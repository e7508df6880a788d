package org.policyadvisor.advisor;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(AdvisorApiController.class)
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class })
class AdvisorApiControllerTests {

	@Autowired
	private MockMvcTester mvc;

	private MvcTestResult evaluate(String body) {
		return this.mvc.post().uri("/api/evaluate").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	@Test
	void evaluatesWithDefaultsForOmittedConditions() {
		MvcTestResult result = evaluate("{\"conditions\": {\"oil_price\": \"low\"}}");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.conditions.oil_price").isEqualTo("low");
		assertThat(result).bodyJson().extractingPath("$.conditions.western_engagement").isEqualTo("low");
		assertThat(result).bodyJson()
			.extractingPath("$.conclusions[?(@.id == 'risk_economic_collapse')].derivations[0].rule")
			.asArray().containsExactly("R0.08");
		assertThat(result).bodyJson()
			.extractingPath("$.conclusions[?(@.id == 'risk_economic_collapse')].strength")
			.asArray().containsExactly("possible");
	}

	@Test
	void derivationsReachDownToTheConditions() {
		MvcTestResult result = evaluate("{\"conditions\": {}}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$.conclusions[?(@.id == 'balance_eroding')].derivations[0].premises[*].id")
			.asArray().containsExactly("western_engagement", "russian_power_projection");
		assertThat(result).bodyJson()
			.extractingPath("$.conclusions[?(@.id == 'balance_eroding')].derivations[0].quote")
			.asArray().singleElement().asString().startsWith("The relative disengagement of the West");
	}

	@Test
	void listsUnmetConditionsOfWhatDidNotApply() {
		MvcTestResult result = evaluate("{\"conditions\": {\"western_engagement\": \"high\"}}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$.notApplied[?(@.id == 'rec_west_engage_regionally')].attempts[0].unmet[*].id")
			.asArray().containsExactly("balance_eroding");
	}

	@Test
	void acceptsJsonBooleansForYesNoConditions() {
		MvcTestResult result = evaluate("{\"conditions\": {\"deportation_threat\": true}}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.conclusions[*].id").asArray()
			.contains("risk_mass_return_destabilization");
	}

	@Test
	void unknownConditionIsAProblemNamingTheField() {
		MvcTestResult result = evaluate("{\"conditions\": {\"no_such_thing\": \"low\"}}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("no_such_thing");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid conditions");
	}

	@Test
	void badValuesAreAProblemNamingEachField() {
		MvcTestResult result = evaluate("{\"conditions\": {\"oil_price\": \"sky-high\", \"western_lens\": 3}}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("oil_price", "western_lens");
		assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'oil_price')].message").asArray()
			.singleElement().asString().contains("low, medium, high");
	}

	@Test
	void malformedJsonIsABadRequestProblemWithoutInternals() throws Exception {
		MvcTestResult result = evaluate("{\"conditions\": {");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "tools.jackson", "at [");
	}

	@Test
	void wrongShapeIsABadRequest() {
		assertThat(evaluate("{\"conditions\": [1, 2]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(evaluate("[]")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() {
		MvcTestResult result = this.mvc.post().uri("/api/evaluate").contentType(MediaType.TEXT_PLAIN)
			.content("oil_price=low").exchange();
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUnknownApiPathIsANotFoundProblem() {
		MvcTestResult result = this.mvc.get().uri("/api/no-such-thing").exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theWrongMethodIsAMethodNotAllowedProblem() {
		MvcTestResult result = this.mvc.get().uri("/api/evaluate").exchange();
		assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listsScenariosWithWhatTheyChangeAndExpect() {
		MvcTestResult result = this.mvc.get().uri("/api/scenarios").exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		String oil = "$[?(@.id == 'what-if-oil-price-collapse')]";
		assertThat(result).bodyJson().extractingPath(oil + ".kind").asArray().containsExactly("what-if");
		assertThat(result).bodyJson().extractingPath(oil + ".title").asArray()
			.containsExactly("What if oil prices collapsed before reforms?");
		assertThat(result).bodyJson().extractingPath(oil + ".source").asArray().containsExactly("Summary");
		assertThat(result).bodyJson().extractingPath(oil + ".description").asArray().singleElement().asString()
			.startsWith("World oil prices fall sharply");
		// Only what the scenario changes: omitted conditions take their defaults, as in POST /api/evaluate.
		assertThat(result).bodyJson().extractingPath(oil + ".conditions").asArray().singleElement()
			.isEqualTo(Map.of("oil_price", "low", "oil_dependence", "high", "genuine_reforms", "lacking"));
		assertThat(result).bodyJson().extractingPath(oil + ".expect.holds[*]").asArray()
			.contains("risk_economic_collapse");
		assertThat(result).bodyJson().extractingPath(oil + ".expect.absent[*]").asArray()
			.contains("risk_mass_return_destabilization");
		// A what-if has no period; the field is left out rather than null.
		assertThat(result).bodyJson().extractingPath(oil + ".period").asArray().isEmpty();
		assertThat(result).bodyJson().extractingPath("$[?(@.id == '2018-19-velvet-revolution')].period").asArray()
			.containsExactly("Mid-2018 to early 2019");
	}

	@Test
	void evaluatesAScenario() {
		MvcTestResult result = evaluate("{\"scenario\": \"what-if-oil-price-collapse\"}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.scenario").isEqualTo("what-if-oil-price-collapse");
		assertThat(result).bodyJson().extractingPath("$.conditions.oil_price").isEqualTo("low");
		assertThat(result).bodyJson().extractingPath("$.conditions.western_engagement").isEqualTo("low");
		assertThat(result).bodyJson().extractingPath("$.conclusions[*].id").asArray()
			.contains("risk_economic_collapse");
	}

	@Test
	void conditionsApplyOnTopOfTheScenario() {
		MvcTestResult result = evaluate("{\"scenario\": \"what-if-oil-price-collapse\", "
				+ "\"conditions\": {\"oil_price\": \"high\", \"western_engagement\": \"high\"}}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.conditions.oil_price").isEqualTo("high");
		assertThat(result).bodyJson().extractingPath("$.conditions.western_engagement").isEqualTo("high");
		assertThat(result).bodyJson().extractingPath("$.conditions.oil_dependence").isEqualTo("high");
		assertThat(result).bodyJson().extractingPath("$.conclusions[*].id").asArray()
			.doesNotContain("risk_economic_collapse", "balance_eroding")
			.contains("leadership_oil_price_dependent");
	}

	@Test
	void withoutAScenarioTheResponseNamesNone() {
		MvcTestResult result = evaluate("{\"conditions\": {}}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().doesNotHavePath("$.scenario");
	}

	@Test
	void anUnknownScenarioIsAProblemNamingTheScenarioField() {
		MvcTestResult result = evaluate("{\"scenario\": \"2030-no-such-year\", \"conditions\": {}}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unknown scenario");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("scenario");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("2030-no-such-year");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("GET /api/scenarios");
	}

	@Test
	void aScenarioThatIsNotAStringIsABadRequest() {
		MvcTestResult result = evaluate("{\"scenario\": {\"id\": \"what-if-oil-price-collapse\"}}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listsConditionsWithTypesValuesAndDefaults() {
		MvcTestResult result = this.mvc.get().uri("/api/conditions").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'oil_price')].type").asArray()
			.containsExactly("scale");
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'oil_price')].defaultValue").asArray()
			.containsExactly("medium");
	}

	@Test
	void listsConclusionsWithTheRulesThatProduceThem() {
		MvcTestResult result = this.mvc.get().uri("/api/conclusions").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'rec_genuine_reforms')].producedBy[*]").asArray()
			.containsExactlyInAnyOrder("R0.09", "R0.11");
	}

	@Test
	void listsRulesWithLocationCitationAndWhatTheyReadAndProduce() {
		MvcTestResult result = this.mvc.get().uri("/api/rules").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'R0.01')].location").asArray()
			.containsExactly("ch02-balance.drl:8");
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'R0.01')].reads[*]").asArray()
			.containsExactly("western_engagement", "russian_power_projection");
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'R0.01')].produces[*]").asArray()
			.containsExactly("balance_eroding");
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'R0.01')].strength").asArray()
			.containsExactly("asserted");
	}

}
