package org.policyadvisor.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyadvisor.PolicyAdvisorApplication;
import org.policyadvisor.engine.PackProblem;
import org.policyadvisor.engine.PackValidationException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class PackFailureAnalyzerTests {

	private static final PackValidationException BROKEN = new PackValidationException("some-pack",
			List.of(new PackProblem("rules.drl", 33, "rule R1.03 tests condition 'x' for 'y'"),
					new PackProblem("conditions.yaml", 0, "missing: every pack needs conditions.yaml")));

	@Test
	void describesEveryProblemWithFileAndLineUnderThePackName() {
		FailureAnalysis analysis = new PackFailureAnalyzer(environment(Map.of())).analyze(wrapped(BROKEN));
		assertThat(analysis.getDescription()).isEqualTo("""
				Rule pack 'some-pack' is invalid (2 problems):

				    rules.drl:33: rule R1.03 tests condition 'x' for 'y'
				    conditions.yaml: missing: every pack needs conditions.yaml""");
		assertThat(analysis.getCause()).isSameAs(BROKEN);
	}

	@Test
	void actionNamesTheFilesToEditAndTheSettingsInForce() {
		FailureAnalysis analysis = new PackFailureAnalyzer(environment(
				Map.of("advisor.rules-location", "file:/srv/rules/", "advisor.pack", "some-pack")))
			.analyze(wrapped(BROKEN));
		assertThat(analysis.getAction()).contains("Edit the files named above, in the folder of rule pack 'some-pack'")
			.contains("advisor.rules-location, one folder per pack (now 'file:/srv/rules/')")
			.contains("advisor.pack names the folder to serve (now 'some-pack')");
	}

	@Test
	void actionShowsTheDefaultsWhenNothingIsSet() {
		FailureAnalysis analysis = new PackFailureAnalyzer(null).analyze(BROKEN);
		assertThat(analysis.getAction()).contains("(now classpath:rules/ (the default))")
			.contains("(now not set, so the only pack there)");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(new PackFailureAnalyzer(null).analyze(new IllegalStateException("not a pack"))).isNull();
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, environment(Map.of()))
			.and(BeanFactory.class, new DefaultListableBeanFactory());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments);
		assertThat(analyzers).hasAtLeastOneElementOfType(PackFailureAnalyzer.class);
	}

	@Test
	void applicationWithAPackThatDoesNotLoadRefusesToStart(CapturedOutput output) {
		assertRefusesToStart("unknown-value", "rules.drl:33: rule R1.03 tests condition 'western_engagement' for"
				+ " 'mediun', which is not one of [low, medium, high]", output);
	}

	@Test
	void applicationWithAPackThatDoesNotCompileRefusesToStart(CapturedOutput output) {
		assertRefusesToStart("does-not-compile", "rules.drl:1: does not compile: package packs.public.policy is not a"
				+ " valid Java package name", output);
	}

	private static void assertRefusesToStart(String pack, String problem, CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(PolicyAdvisorApplication.class)
			.properties("advisor.rules-location=classpath:packs/", "advisor.pack=" + pack, "server.port=0");
		assertThatThrownBy(application::run).rootCause()
			.isInstanceOfSatisfying(PackValidationException.class, (ex) -> {
				assertThat(ex.pack()).isEqualTo(pack);
				assertThat(ex.problems()).singleElement().asString().startsWith(problem);
			});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Rule pack '" + pack + "' is invalid (1 problem):\n\n    " + problem)
			.contains("advisor.rules-location, one folder per pack (now 'classpath:packs/')")
			.contains("advisor.pack names the folder to serve (now '" + pack + "')");
	}

	private static Environment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	private static Throwable wrapped(Throwable cause) {
		return new BeanCreationException("ruleBase", "Failed to instantiate the rule base", cause);
	}

}
