package org.policyadvisor.engine;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped pack, built once per test JVM, and broken packs from src/test/resources/packs/. */
public final class TestPacks {

	private static RuleBase shipped;

	private TestPacks() {
	}

	public static synchronized RuleBase shipped() {
		if (shipped == null) {
			shipped = RuleBase.build(new PackReader(new PathMatchingResourcePatternResolver(), "file:rules/").read(null),
					10_000);
		}
		return shipped;
	}

	public static RulePack testPack(String name) {
		return new PackReader(new PathMatchingResourcePatternResolver(), "classpath:packs/").read(name);
	}

}
