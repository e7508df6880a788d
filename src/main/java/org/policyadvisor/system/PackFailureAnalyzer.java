package org.policyadvisor.system;

import java.util.stream.Collectors;

import org.policyadvisor.engine.PackValidationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a rule pack that does not validate or compile into a start-up report an editor of the pack can act on: every
 * problem as {@code file:line: message}, and where packs are read from. Registered in
 * {@code META-INF/spring.factories}.
 */
class PackFailureAnalyzer extends AbstractFailureAnalyzer<PackValidationException> {

	static final String RULES_LOCATION = "advisor.rules-location";

	static final String PACK = "advisor.pack";

	/** The default of {@code EngineProperties.rulesLocation}. */
	private static final String DEFAULT_RULES_LOCATION = "classpath:rules/";

	private final Environment environment;

	/**
	 * @param environment the failed application's environment, to show the settings in force; {@code null} when the
	 * failure came before there was one
	 */
	PackFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PackValidationException cause) {
		int count = cause.problems().size();
		String description = "Rule pack '" + cause.pack() + "' is invalid (" + count + " problem"
				+ ((count == 1) ? "" : "s") + "):\n\n"
				+ cause.problems().stream().map((p) -> "    " + p).collect(Collectors.joining("\n"));
		String location = property(RULES_LOCATION, DEFAULT_RULES_LOCATION + " (the default)");
		String pack = property(PACK, "not set, so the only pack there");
		String action = "Edit the files named above, in the folder of rule pack '" + cause.pack() + "' under "
				+ RULES_LOCATION + ", and start the application again.\n"
				+ "Packs are read from " + RULES_LOCATION + ", one folder per pack (now " + location + "); " + PACK
				+ " names the folder to serve (now " + pack + "). To serve another pack, set them, e.g. "
				+ RULES_LOCATION + "=file:/srv/rules/ and " + PACK + "=<folder>.";
		return new FailureAnalysis(description, action, cause);
	}

	private String property(String name, String otherwise) {
		String value = (this.environment != null) ? this.environment.getProperty(name) : null;
		return (value == null || value.isBlank()) ? otherwise : "'" + value + "'";
	}

}
