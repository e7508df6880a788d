package org.policyadvisor.audit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.engine.TestPacks;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationControllerTests {

	/** The shipped pack's report with fewer random scenarios than the application's 100,000, shared by the tests. */
	@TestConfiguration(proxyBeanMethods = false)
	static class QuickVerification {

		@Bean
		Verification verification() {
			return new Verification(ShippedVerification::report);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlawedRuleBase {

		@Bean
		Verification verification(RuleBase ruleBase) {
			return new Verification(ruleBase, Verifier.Settings.DEFAULT);
		}

		@Bean
		RuleBase ruleBase() {
			return RuleBase.build(TestPacks.testPack("audit-flawed"), 10_000);
		}

		@Bean
		RulePack rulePack(RuleBase ruleBase) {
			return ruleBase.pack();
		}

	}

	@Nested
	@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
	@WebMvcTest(VerificationController.class)
	@Import({ ShippedRuleBaseConfiguration.class, QuickVerification.class, SecurityConfiguration.class })
	class ShippedPack {

		@Autowired
		private MockMvcTester mvc;

		@Test
		void showsTheShippedPackClean() throws Exception {
			MvcTestResult result = this.mvc.get().uri("/audit").exchange();
			assertThat(result).hasStatusOk().hasViewName(VerificationController.VIEW_VERIFICATION);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("<strong>Clean.</strong>", "132 of 132", "Never together",
					"Ruled out for every scenario", "old_guard_diaspora_channel", "id=\"coverage-title\"",
					"every pair of condition values");
			// Each rule's witness links to the advice for it; rules link to their claim.
			assertThat(html).contains("href=\"/claims#claim-R0.01\"").containsPattern("href=\"/advice(\\?|\")");
			assertThat(html).doesNotContain("Cannot fire", "check-failed");
		}

		@Test
		void servesTheReportAsJson() {
			MvcTestResult result = this.mvc.get().uri("/api/audit").exchange();
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			assertThat(result).bodyJson().extractingPath("$.clean").isEqualTo(true);
			assertThat(result).bodyJson().extractingPath("$.findingCount").isEqualTo(0);
			assertThat(result).bodyJson().extractingPath("$.rules.length()").isEqualTo(132);
			assertThat(result).bodyJson().extractingPath("$.rules[0].reach").isEqualTo("FIRES");
			assertThat(result).bodyJson().extractingPath("$.conflicts[0].ruledOut").isEqualTo(true);
			assertThat(result).bodyJson().extractingPath("$.search.mode").isEqualTo("pairwise + random");
			assertThat(result).bodyJson().extractingPath("$.search.randomScenarios")
				.isEqualTo(ShippedVerification.RANDOM_SCENARIOS);
		}

	}

	@Nested
	@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
	@WebMvcTest(VerificationController.class)
	@Import({ FlawedRuleBase.class, SecurityConfiguration.class })
	class FlawedPack {

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private Verification verification;

		@Test
		void computesTheReportOnceForEveryRequest() throws Exception {
			VerificationReport first = this.verification.report();
			this.mvc.get().uri("/audit").exchange();
			this.mvc.get().uri("/api/audit").exchange();
			assertThat(this.verification.report()).isSameAs(first);
		}

		@Test
		void showsEachKindOfFindingWithWhatToLookAt() throws Exception {
			String html = this.mvc.get().uri("/audit").exchange().getResponse().getContentAsString();
			assertThat(html).contains("21 findings.");
			assertThat(html).contains("Cannot fire", "R1.03", "contradict each other");
			assertThat(html).contains("check check-failed", "href=\"/advice?talks=offered\"");
			assertThat(html).contains("Conditions no rule with a witness reads", "orphan");
			assertThat(html).contains("Conclusions no rule with a witness produces", "risk_never");
			assertThat(html).contains("Effects nobody reads", "dead_effect");
			assertThat(html).contains("cycle_a → cycle_b → cycle_a", "so the rules may never settle");
			assertThat(html).contains("every combination (48 scenarios)", "24 scenarios, for instance with");
		}

		@Test
		void theJsonSaysWhatIsWrong() {
			MvcTestResult result = this.mvc.get().uri("/api/audit").exchange();
			assertThat(result).bodyJson().extractingPath("$.clean").isEqualTo(false);
			assertThat(result).bodyJson().extractingPath("$.conflicts[0].witness.changes.talks").isEqualTo("offered");
			assertThat(result).bodyJson().extractingPath("$.unusedConditions[*].id").asArray().containsExactly("orphan",
					"loop");
		}

	}

}
