package org.policyadvisor.audit;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(ClaimsController.class)
@Import({ ShippedRuleBaseConfiguration.class, ClaimsMatrix.class, SecurityConfiguration.class })
class ClaimsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClaimsMatrix matrix;

	@Test
	void showsEveryClaimByChapterWithItsCitation() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/claims").exchange();
		assertThat(result).hasStatusOk().hasViewName(ClaimsController.VIEW_CLAIMS);
		String html = result.getResponse().getContentAsString();
		assertThat(html.split("class=\"claim\"", -1)).hasSize(this.matrix.claims().size() + 1);
		assertThat(html).contains("id=\"chapter-3\"", "id=\"claim-R0.01\"", "ch02-balance.drl:8");
	}

	@Test
	void canShowOnlyTheClaimsNoScenarioExercises() throws Exception {
		String html = this.mvc.get().uri("/claims?unexercised=true").exchange().getResponse().getContentAsString();
		assertThat(html.split("class=\"claim\"", -1)).hasSize((int) this.matrix.unexercisedCount() + 1);
		assertThat(html).doesNotContain("Fires in the scenario");
	}

	@Test
	void aBadFilterValueIsABadRequestNotAServerError() {
		assertThat(this.mvc.get().uri("/claims?unexercised=maybe").exchange()).hasStatus4xxClientError();
	}

	@Test
	void servesTheMatrixAsJson() {
		MvcTestResult result = this.mvc.get().uri("/api/claims").exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(this.matrix.claims().size());
		assertThat(result).bodyJson().extractingPath("$[?(@.id == 'R0.08')].scenarios[*]").asArray()
			.contains("what-if-oil-price-collapse");
	}

}
