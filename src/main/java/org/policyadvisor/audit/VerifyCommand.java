package org.policyadvisor.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.system.cli.CliCommand;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar policy-advisor.jar verify}: verifies the served rule pack for CI. Exits 0 when it is clean, 1 when
 * there are findings, 2 on bad usage. {@code --bench} runs the verification several times and prints the medians
 * recorded in docs/verification.md.
 */
@Component
class VerifyCommand implements CliCommand {

	private static final String USAGE = "verify [--random=N] [--seed=N] [--threads=N] [--json] [--bench[=RUNS]]";

	private final RuleBase ruleBase;

	private final AuditProperties properties;

	VerifyCommand(RuleBase ruleBase, AuditProperties properties) {
		this.ruleBase = ruleBase;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Verifier.Settings settings = this.properties.settings();
		boolean json = false;
		int benchRuns = 0;
		for (String arg : args) {
			String[] kv = arg.split("=", 2);
			try {
				switch (kv[0]) {
					case "--random" -> settings = new Verifier.Settings(settings.exhaustiveLimit(), count(kv),
							settings.seed(), settings.threads());
					case "--seed" -> settings = new Verifier.Settings(settings.exhaustiveLimit(),
							settings.randomScenarios(), Long.parseLong(value(kv)), settings.threads());
					case "--threads" -> settings = new Verifier.Settings(settings.exhaustiveLimit(),
							settings.randomScenarios(), settings.seed(), positive(kv));
					case "--json" -> json = true;
					case "--bench" -> benchRuns = (kv.length == 1) ? 3 : positive(kv);
					default -> {
						return usage(err, "unknown argument '" + arg + "'");
					}
				}
			}
			catch (IllegalArgumentException ex) {
				return usage(err, arg + ": " + ex.getMessage());
			}
		}
		if (benchRuns > 0) {
			return bench(settings, benchRuns, out);
		}
		VerificationReport report = new Verifier(this.ruleBase, settings).verify();
		if (json) {
			out.println(JSON.writeValueAsString(report));
		}
		else {
			print(report, out);
		}
		return report.clean() ? 0 : 1;
	}

	private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static String value(String[] kv) {
		if (kv.length < 2 || kv[1].isBlank()) {
			throw new IllegalArgumentException("give a value, e.g. " + kv[0] + "=10");
		}
		return kv[1];
	}

	private static int count(String[] kv) {
		int n = Integer.parseInt(value(kv));
		if (n < 0) {
			throw new IllegalArgumentException("must not be negative");
		}
		return n;
	}

	private static int positive(String[] kv) {
		int n = Integer.parseInt(value(kv));
		if (n < 1) {
			throw new IllegalArgumentException("must be at least 1");
		}
		return n;
	}

	private static int usage(PrintStream err, String problem) {
		err.println("policy-advisor verify: " + problem);
		err.println("Usage: java -jar policy-advisor.jar " + USAGE);
		return 2;
	}

	/** Runs the whole verification {@code runs} times and prints the median of each figure. */
	private int bench(Verifier.Settings settings, int runs, PrintStream out) {
		List<VerificationReport> reports = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			VerificationReport report = new Verifier(this.ruleBase, settings).verify();
			VerificationReport.Search s = report.search();
			out.printf(Locale.ROOT, "run %d: total %,d ms, sweep %,d scenarios in %,d ms (%,.0f evaluations/s per core),"
					+ " single evaluation %.0f µs%n", i + 1, s.totalMillis(), s.sweepScenarios(), s.sweepMillis(),
					s.evaluationsPerSecondPerCore(), s.singleEvaluationMicros());
			reports.add(report);
		}
		VerificationReport.Search s = reports.get(0).search();
		// The machine's load says how far the figures are the verifier's own: other processes share the cores.
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		out.printf(Locale.ROOT, "%nMedians of %d runs on %d cores, Java %s, load average %.1f at the end (%s, %,d"
				+ " scenarios, %d threads, seed %d):%n", runs, Runtime.getRuntime().availableProcessors(),
				Runtime.version(), load, s.mode(), s.sweepScenarios(), s.threads(), s.seed());
		out.printf(Locale.ROOT, "  full verification   %,d ms%n",
				(long) median(reports.stream().mapToDouble((r) -> r.search().totalMillis()).toArray()));
		out.printf(Locale.ROOT, "  sweep               %,d ms%n",
				(long) median(reports.stream().mapToDouble((r) -> r.search().sweepMillis()).toArray()));
		out.printf(Locale.ROOT, "  sweep throughput    %,.0f evaluations/s per core%n",
				median(reports.stream().mapToDouble((r) -> r.search().evaluationsPerSecondPerCore()).toArray()));
		out.printf(Locale.ROOT, "  single evaluation   %.0f µs (median of each run's %s)%n",
				median(reports.stream().mapToDouble((r) -> r.search().singleEvaluationMicros()).toArray()),
				"timed evaluations, one thread");
		out.printf(Locale.ROOT, "  result              %s%n", reports.get(0).clean() ? "clean"
				: reports.get(0).findingCount() + " findings");
		return reports.get(0).clean() ? 0 : 1;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** The report for a terminal: a summary anyone can read in CI logs, then each finding with what to look at. */
	static void print(VerificationReport r, PrintStream out) {
		VerificationReport.Search s = r.search();
		VerificationReport.Coverage cov = r.coverage();
		out.printf(Locale.ROOT, "Verification of rule pack %s v%s: %d rules, %d conditions, %d conclusions%n", r.pack(),
				r.packVersion(), r.rules().size(), r.conditionCount(), r.conclusionCount());
		out.printf(Locale.ROOT, "Rules:      %d of %d can fire (witness scenario found and confirmed by the engine)%n",
				r.rulesThatFire(), r.rules().size());
		out.printf(Locale.ROOT, "Conflicts:  %d declared, %d found%n", r.conflicts().size(), r.conflictsFound().size());
		out.printf(Locale.ROOT, "Unused:     %d conditions, %d conclusions, %d effects nobody reads%n",
				r.unusedConditions().size(), r.unproducedConclusions().size(), r.unreadEffects().size());
		out.printf(Locale.ROOT, "Cycles:     %d%n", r.cycles().size());
		out.printf(Locale.ROOT, "Unsettled:  %d scenarios%n", (r.unsettled() != null) ? r.unsettled().scenarios() : 0);
		out.printf(Locale.ROOT, "Coverage:   %d of %d rules (%.0f%%) fire in the pack's %d scenarios; %d of %d premises"
				+ " exercised, %d shown to matter%n", cov.rulesExercised(), cov.rules().size(), cov.ruleShare() * 100,
				cov.scenarios().size(), cov.premisesExercised(), cov.premises(), cov.premisesShownToMatter());
		String scenarios = s.mode().equals("exhaustive") ? String.format(Locale.ROOT, "%,d scenarios", s.sweepScenarios())
				: String.format(Locale.ROOT, "%,d scenarios (%,d pairwise, %,d random, seed %d)", s.sweepScenarios(),
						s.pairwiseScenarios(), s.randomScenarios(), s.seed());
		out.printf(Locale.ROOT, "Search:     %s over %s combinations: %s on %d threads in %,d ms, %,.0f evaluations/s"
				+ " per core; %,d evaluations, %,d ms in all%n", s.mode(), s.spaceSize(), scenarios, s.threads(),
				s.sweepMillis(), s.evaluationsPerSecondPerCore(), s.evaluations(), s.totalMillis());
		out.println("Result:     " + (r.clean() ? "clean" : r.findingCount() + " finding"
				+ ((r.findingCount() == 1) ? "" : "s")));
		if (!r.rulesThatCannotFire().isEmpty()) {
			out.printf("%nRules without a witness:%n");
			r.rulesThatCannotFire().forEach((c) -> out.printf("  %s (%s) %s: %s%n", c.ruleId(), c.location(),
					(c.reach() == VerificationReport.Reach.CANNOT_FIRE) ? "cannot fire" : "no witness found", c.reason()));
		}
		if (!r.conflictsFound().isEmpty()) {
			out.printf("%nConflicts that can hold together:%n");
			r.conflictsFound().forEach((c) -> out.printf("  %s and %s (found by %s) with %s%n    /advice?%s%n", c.a(),
					c.b(), c.foundBy(), c.witness().describe(), c.witness().query()));
		}
		printUnused(out, "Conditions no rule with a witness reads", r.unusedConditions());
		printUnused(out, "Conclusions no rule with a witness produces", r.unproducedConclusions());
		printUnused(out, "Effects nobody reads", r.unreadEffects());
		if (!r.cycles().isEmpty()) {
			out.printf("%nCycles between conclusions:%n");
			r.cycles().forEach((c) -> out.printf("  %s (rules %s)%s%n", c.path(), String.join(", ", c.rules()),
					c.throughNegation() ? ", through a negation: the rules may never settle" : ""));
		}
		if (r.unsettled() != null) {
			out.printf("%nScenarios in which the rules never settle: %,d, the first with %s%n  %s%n",
					r.unsettled().scenarios(), r.unsettled().first().describe(), r.unsettled().message());
		}
		if (!r.conflicts().isEmpty()) {
			out.printf("%nDeclared conflicts:%n");
			r.conflicts().forEach((c) -> out.printf("  %-10s %s / %s%s%n", c.found() ? "FOUND" : "not found", c.a(),
					c.b(), c.ruledOut() ? " (ruled out for every scenario by the backward search)" : ""));
		}
		List<String> uncovered = cov.rulesNoScenarioFires();
		if (!uncovered.isEmpty()) {
			out.printf("%nRules no scenario fires (%d): %s%n", uncovered.size(), String.join(", ", uncovered));
		}
	}

	private static void printUnused(PrintStream out, String heading, List<VerificationReport.UnusedEntry> entries) {
		if (!entries.isEmpty()) {
			out.printf("%n%s:%n", heading);
			entries.forEach((e) -> out.printf("  %s: %s%n", e.id(), e.reason()));
		}
	}

}
