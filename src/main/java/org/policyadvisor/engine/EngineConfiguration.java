package org.policyadvisor.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Builds the one rule base the application serves, at start-up: a pack that does not validate or compile stops
 * the application with the file and line of each problem.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EngineConfiguration.class);

	@Bean
	RuleBase ruleBase(EngineProperties properties, ResourcePatternResolver resolver) {
		long start = System.nanoTime();
		RulePack pack = new PackReader(resolver, properties.rulesLocation()).read(properties.pack());
		RuleBase ruleBase = RuleBase.build(pack, properties.maxFirings());
		long built = System.nanoTime();
		// The first evaluation pays for lazy initialisation inside Drools; pay it here, not in a user's request.
		ruleBase.evaluate(pack.defaults());
		long warmed = System.nanoTime();
		logger.info("Rule pack '{}' v{}: {} rules, {} conditions, {} conclusions; built in {} ms, warmed in {} ms",
				pack.folder(), pack.descriptor().version(), pack.rules().size(), pack.conditions().size(),
				pack.conclusions().size(), (built - start) / 1_000_000, (warmed - built) / 1_000_000);
		return ruleBase;
	}

	@Bean
	RulePack rulePack(RuleBase ruleBase) {
		return ruleBase.pack();
	}

}
