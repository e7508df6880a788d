package org.policyadvisor.advisor;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios are optional: the form of a pack without any has no picker, and still answers a link to one. */
@WebMvcTest(AdvisorController.class)
@Import({ FormWithoutScenariosTests.MinimalPack.class, SecurityConfiguration.class })
class FormWithoutScenariosTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theFormHasNoPicker() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentAsString())
			.containsPattern("id=\"c-western_engagement-low\"\\s+value=\"low\" checked")
			.doesNotContain("scenario-picker", "<select");
	}

	@Test
	void aLinkToAScenarioIsANotFoundFormWithAMessage() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/?scenario=2008-after-the-war").exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(AdvisorController.VIEW_FORM);
		assertThat(result.getResponse().getContentAsString())
			.contains("There is no scenario &#39;2008-after-the-war&#39; in this rule pack.")
			.doesNotContain("Choose one from the list", "<select");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MinimalPack {

		@Bean
		RuleBase ruleBase() {
			return RuleBase.build(TestPacks.testPack("minimal-valid"), 1_000);
		}

		@Bean
		RulePack rulePack(RuleBase ruleBase) {
			return ruleBase.pack();
		}

	}

}
