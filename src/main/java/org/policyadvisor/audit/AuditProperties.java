package org.policyadvisor.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard the verification searches; the defaults are what the issue asks of the shipped pack.
 *
 * @param exhaustiveLimit the largest scenario space evaluated in full
 * @param randomScenarios random scenarios evaluated, after every pair of condition values, in a larger space
 * @param seed the seed of the random scenarios
 * @param threads the size of the pool the sweep runs on
 */
@ConfigurationProperties("advisor.audit")
public record AuditProperties(@DefaultValue("2000000") long exhaustiveLimit,
		@DefaultValue("100000") int randomScenarios, @DefaultValue("2019") long seed, @DefaultValue("2") int threads) {

	public Verifier.Settings settings() {
		return new Verifier.Settings(this.exhaustiveLimit, this.randomScenarios, this.seed, this.threads);
	}

}
