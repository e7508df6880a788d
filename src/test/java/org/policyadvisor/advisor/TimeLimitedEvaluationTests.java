package org.policyadvisor.advisor;

import java.time.Duration;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that never settle, with no firing limit to speak of: the time limit stops them, and the API and the result
 * page say so with a 422.
 */
@WebMvcTest({ AdvisorApiController.class, AdvisorController.class })
@Import({ TimeLimitedEvaluationTests.RunawayPack.class, SecurityConfiguration.class })
class TimeLimitedEvaluationTests {

	private static final String TIME_MESSAGE = "The rules did not settle within 200 ms; the evaluation was stopped"
			+ " after ";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theApiAnswersAProblemWellUnderTwoSecondsLater() {
		long start = System.nanoTime();
		MvcTestResult result = this.mvc.post().uri("/api/evaluate").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conditions\":{\"switch\":\"true\"}}").exchange();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith(TIME_MESSAGE)
			.endsWith(" firings.");
		// 200 ms of the evaluating thread's processor time; on a busy machine that takes longer to elapse.
		assertThat(millis).isBetween(200L, 3_000L);
		MvcTestResult next = this.mvc.post().uri("/api/evaluate").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conditions\":{\"switch\":\"false\"}}").exchange();
		assertThat(next).hasStatusOk();
		assertThat(next).bodyJson().extractingPath("$.conclusions[*].id").asArray().containsExactly("d");
	}

	@Test
	void theResultPageSaysTheRulesTookTooLong() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/advice?switch=true").exchange();
		assertThat(result).hasStatus(422).hasViewName("unsettled");
		assertThat(result.getResponse().getContentAsString()).contains(TIME_MESSAGE, "for longer than an evaluation may",
				"trying again in a moment").doesNotContain("not a mistake in", "Exception");
		assertThat(this.mvc.get().uri("/advice?switch=false").exchange()).hasStatusOk()
			.hasViewName(AdvisorController.VIEW_RESULT);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RunawayPack {

		@Bean
		RuleBase ruleBase() {
			return RuleBase.build(TestPacks.testPack("runaway"), Integer.MAX_VALUE, Duration.ofMillis(200));
		}

		@Bean
		RulePack rulePack(RuleBase ruleBase) {
			return ruleBase.pack();
		}

	}

}
