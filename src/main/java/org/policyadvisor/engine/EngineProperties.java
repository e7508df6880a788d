package org.policyadvisor.engine;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule packs are, which one to serve, and how evaluations are cached and warmed up.
 *
 * @param rulesLocation a folder holding one sub-folder per pack ({@code classpath:rules/} is the top-level
 * {@code rules/} folder packaged into the application; {@code file:/srv/rules/} reads packs from disk)
 * @param pack the pack folder to serve; may be left empty when the location holds exactly one pack
 * @param maxFirings the most rule firings one evaluation may take before it is stopped
 * @param maxEvaluationTime how long one evaluation may run before it is stopped (a {@code Duration}: {@code 2s},
 * {@code 500ms}); an evaluation of the shipped pack takes well under a millisecond
 * @param cache the evaluation cache ({@link EvaluationCache})
 * @param precompiled whether to load the rules compiled at build time when the pack's DRL is exactly the one they
 * were compiled from ({@link PrecompiledModel}); {@code false} always compiles the DRL at start-up
 * @param warmUp what to exercise before the application reports itself ready
 * @param parallelStart whether to read and build the rule base on a thread of its own while Spring creates the rest
 * of the application ({@link RuleBaseLoader}), rather than when the rule base is first needed
 */
@ConfigurationProperties("advisor")
public record EngineProperties(@DefaultValue("classpath:rules/") String rulesLocation, String pack,
		@DefaultValue("10000") int maxFirings, @DefaultValue("2s") Duration maxEvaluationTime,
		@DefaultValue Cache cache, @DefaultValue("true") boolean precompiled, @DefaultValue("full") WarmUp warmUp,
		@DefaultValue("true") boolean parallelStart) {

	/**
	 * @param enabled {@code false} runs the rules for every evaluation
	 * @param maxOutcomes how many scenarios' outcomes (the conclusions that hold; a few hundred bytes each) to keep
	 * @param maxExplanations how many explained evaluations (some kilobytes each) to keep
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("20000") long maxOutcomes,
			@DefaultValue("1000") long maxExplanations) {

		EvaluationCache create() {
			return this.enabled ? EvaluationCache.bounded(this.maxOutcomes, this.maxExplanations)
					: EvaluationCache.disabled();
		}

	}

	/** What is exercised at start-up, before the application is ready, so that the first user does not pay for it. */
	public enum WarmUp {

		/** Nothing: the first evaluation pays for Drools' lazy initialisation and the first page for the web stack. */
		NONE,

		/** The engine: the defaults and every scenario of the pack are evaluated (and so cached). */
		ENGINE,

		/** The engine, then one evaluation served over HTTP by the API and the result page, before readiness. */
		FULL

	}

}
