package org.policyadvisor.engine;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Web slice tests use the real shipped rule base, built once per test JVM. */
@TestConfiguration(proxyBeanMethods = false)
public class ShippedRuleBaseConfiguration {

	@Bean
	RuleBase ruleBase() {
		return TestPacks.shipped();
	}

	@Bean
	RulePack rulePack(RuleBase ruleBase) {
		return ruleBase.pack();
	}

}
