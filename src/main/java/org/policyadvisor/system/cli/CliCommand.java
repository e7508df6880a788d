package org.policyadvisor.system.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run from the command line instead of the web server ({@code java -jar policy-advisor.jar <name> ...}):
 * for scripts and CI. Implementations are Spring beans in their feature's package.
 */
public interface CliCommand {

	/** The first argument that selects this command. */
	String name();

	/** One line: the arguments it takes. */
	String usage();

	/**
	 * Runs the command; the return value is the process exit code (0 success, 1 a check failed, 2 bad usage).
	 */
	int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

}
