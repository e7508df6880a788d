package org.policyadvisor.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real port: before it reports itself ready, it has served itself an evaluation through
 * the API, a result page and the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:warm-up-tests")
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTests {

	@Autowired
	private ApplicationAvailability availability;

	@Test
	void theWebStackIsWarmedUpBeforeTheApplicationIsReady(CapturedOutput output) {
		assertThat(output.getAll()).contains("Warmed up the web stack in")
			.contains("statuses: 200 200 200; readiness REFUSING_TRAFFIC");
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

}
