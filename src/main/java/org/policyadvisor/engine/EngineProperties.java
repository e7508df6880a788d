package org.policyadvisor.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule packs are and which one to serve.
 *
 * @param rulesLocation a folder holding one sub-folder per pack ({@code classpath:rules/} is the top-level
 * {@code rules/} folder packaged into the application; {@code file:/srv/rules/} reads packs from disk)
 * @param pack the pack folder to serve; may be left empty when the location holds exactly one pack
 * @param maxFirings the most rule firings one evaluation may take before it is stopped
 */
@ConfigurationProperties("advisor")
public record EngineProperties(@DefaultValue("classpath:rules/") String rulesLocation, String pack,
		@DefaultValue("10000") int maxFirings) {
}
