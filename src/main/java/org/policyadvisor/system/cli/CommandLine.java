package org.policyadvisor.system.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a {@link CliCommand} in an application context without a web server, so that commands start quickly and can
 * run beside a serving instance.
 */
public final class CommandLine {

	/** Commands the launcher recognises; each must have a {@link CliCommand} bean of that name. */
	public static final Set<String> COMMANDS = Set.of("verify", "batch");

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Returns the exit code; the caller exits with it. */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		// Log output goes to stderr, so that a command's results on stdout stay machine-readable whatever is logged:
		// the console appender takes System.out as it is when logging starts.
		PrintStream stdout = System.out;
		System.setOut(System.err);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Commands print their own results; the log is for problems only.
			.properties("logging.level.root=WARN", "logging.level.org.policyadvisor=WARN")
			.run(toSpringArgs(rest))) {
			Map<String, CliCommand> commands = context.getBeansOfType(CliCommand.class);
			CliCommand command = commands.values().stream().filter((c) -> c.name().equals(args[0])).findFirst()
				.orElse(null);
			if (command == null) {
				err.println("Unknown command '" + args[0] + "'.");
				return 2;
			}
			return command.run(withoutSpringArgs(rest), out, err);
		}
		catch (Exception ex) {
			err.println("policy-advisor " + args[0] + ": " + ex.getMessage());
			return 2;
		}
		finally {
			System.setOut(stdout);
		}
	}

	/** Spring properties ({@code --advisor.pack=x}) configure the context; everything else goes to the command. */
	private static String[] toSpringArgs(List<String> args) {
		// Commands read rule packs, not saved scenarios: a private in-memory database leaves no files behind in the
		// folder they run from and never contends with a serving instance's. An argument, as defaults would lose to
		// application.properties.
		return Stream.concat(Stream.of("--spring.datasource.url=jdbc:h2:mem:cli"),
				args.stream().filter(CommandLine::isSpringProperty)).toArray(String[]::new);
	}

	private static List<String> withoutSpringArgs(List<String> args) {
		return args.stream().filter((a) -> !isSpringProperty(a)).toList();
	}

	private static boolean isSpringProperty(String arg) {
		return arg.startsWith("--advisor.") || arg.startsWith("--spring.") || arg.startsWith("--logging.");
	}

}
