package org.policyadvisor.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one rule base the application serves, built at start-up (see {@link RuleBaseLoader}): a pack that does not
 * validate or compile stops the application with the file and line of each problem.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	static RuleBaseLoader ruleBaseLoader() {
		return new RuleBaseLoader();
	}

	@Bean
	RuleBase ruleBase(RuleBaseLoader loader) {
		return loader.ruleBase();
	}

	@Bean
	RulePack rulePack(RuleBase ruleBase) {
		return ruleBase.pack();
	}

}
