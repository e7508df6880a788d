package org.policyadvisor.batch;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ScenarioVerdict;
import org.policyadvisor.system.cli.CliCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code batch --in FILE [--out FILE] [--format jsonl|csv] [--format-out jsonl|csv]}: evaluates a file of scenarios
 * against the rule base and writes one result per scenario, for scripts and CI. Reports every invalid line with its
 * line number and field, and every unmet expectation with the rules and premises that explain it, on standard error;
 * exits with 1 if any line was invalid or any expectation failed. Reads and writes one line at a time, so the size
 * of the file does not matter.
 */
@Component
class BatchCommand implements CliCommand {

	static final String NAME = "batch";

	/** The longest line (JSON lines) or row (CSV) read, in characters; a scenario is a few kilobytes at most. */
	static final int MAX_LINE_LENGTH = 1 << 20;

	/** How often, in results, a closed standard output is checked for: a reader such as {@code head} may stop early. */
	private static final int OUTPUT_CHECK_INTERVAL = 256;

	/** Lines in flight per worker: enough to keep every core busy, few enough to bound the memory. */
	private static final int WINDOW_PER_THREAD = 16;

	private final RuleBase ruleBase;

	private final int maxLineLength;

	private final int threads = Runtime.getRuntime().availableProcessors();

	@Autowired
	BatchCommand(RuleBase ruleBase) {
		this(ruleBase, MAX_LINE_LENGTH);
	}

	/** For tests: a smaller limit shows how an over-long line is reported without writing a megabyte. */
	BatchCommand(RuleBase ruleBase, int maxLineLength) {
		this.ruleBase = ruleBase;
		this.maxLineLength = maxLineLength;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String usage() {
		return "batch --in FILE|- [--out FILE|-] [--format jsonl|csv] [--format-out jsonl|csv]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		return run(args, System.in, out, err);
	}

	/** As {@link #run(List, PrintStream, PrintStream)}, reading {@code --in -} from {@code in}. */
	int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
		if (BatchOptions.wantsHelp(args)) {
			out.println(BatchOptions.USAGE);
			return 0;
		}
		BatchOptions options;
		try {
			options = BatchOptions.parse(args);
		}
		catch (BatchOptions.UsageException ex) {
			return usageError(err, ex.getMessage());
		}
		RulePack pack = this.ruleBase.pack();
		if (!options.readsStandardInput() && Files.isDirectory(Path.of(options.in()))) {
			return usageError(err, "cannot read " + options.in() + ": it is a folder");
		}
		TextInput input;
		try {
			input = new TextInput(new InputStreamReader(options.readsStandardInput() ? new KeptOpen(in)
					: Files.newInputStream(Path.of(options.in())), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return usageError(err, "cannot read " + options.in() + ": " + reason(ex));
		}
		try (ScenarioReader reader = reader(options, input, pack, err)) {
			if (reader == null) {
				return 2;
			}
			Writer writer;
			try {
				writer = options.writesStandardOutput()
						? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))
						: Files.newBufferedWriter(output(options));
			}
			catch (IOException ex) {
				return usageError(err, "cannot write " + options.out() + ": " + reason(ex));
			}
			try (Writer closing = options.writesStandardOutput() ? null : writer) {
				return evaluateAll(reader, options.outFormat(), writer, options, out, err);
			}
		}
		catch (IOException ex) {
			err.println("batch: stopped: " + reason(ex));
			return 2;
		}
	}

	/** Null after reporting a header that makes a CSV file unreadable. */
	private ScenarioReader reader(BatchOptions options, TextInput input, RulePack pack, PrintStream err)
			throws IOException {
		if (options.inFormat() == BatchFormat.JSONL) {
			return new JsonLinesReader(input, this.maxLineLength);
		}
		try {
			CsvScenarioReader csv = CsvScenarioReader.open(input, this.maxLineLength);
			csv.columns().stream()
				.filter((c) -> !CsvScenarioReader.RESERVED.contains(c) && pack.condition(c).isEmpty())
				.forEach((c) -> err.println("line " + csv.headerLine() + ": column '" + c
						+ "' is not a condition of this rule pack, nor one of "
						+ String.join(", ", CsvScenarioReader.RESERVED) + "; rows that fill it are invalid"));
			return csv;
		}
		catch (CsvScenarioReader.BadHeaderException ex) {
			input.close();
			usageError(err, options.in() + ": " + ex.getMessage());
			return null;
		}
	}

	private static Path output(BatchOptions options) throws IOException {
		Path out = Path.of(options.out());
		if (!options.readsStandardInput() && Files.exists(out) && Files.isSameFile(out, Path.of(options.in()))) {
			throw new IOException("it is the input file");
		}
		return out;
	}

	/**
	 * Evaluates the lines on every core, a bounded window of them at a time, and reports and writes the outcomes in
	 * the order of the file: memory stays bounded however long the file, and the output lines up with the input.
	 */
	private int evaluateAll(ScenarioReader reader, BatchFormat outFormat, Writer writer, BatchOptions options,
			PrintStream out, PrintStream err) throws IOException {
		BatchEvaluator evaluator = new BatchEvaluator(this.ruleBase);
		ResultFormat format = ResultFormat.of(outFormat, this.ruleBase.pack());
		Tally tally = new Tally();
		writer.write(format.header());
		ExecutorService workers = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, "batch-evaluation");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Deque<Future<Done>> window = new ArrayDeque<>();
			BatchLine line;
			while ((line = reader.next()) != null) {
				BatchLine next = line;
				window.add(workers.submit(() -> evaluate(evaluator, format, next)));
				if (window.size() >= this.threads * WINDOW_PER_THREAD) {
					tally.record(take(window), writer, err);
					if (stdoutClosed(tally, writer, options, out, err)) {
						return 2;
					}
				}
			}
			while (!window.isEmpty()) {
				tally.record(take(window), writer, err);
				if (stdoutClosed(tally, writer, options, out, err)) {
					return 2;
				}
			}
		}
		finally {
			workers.shutdownNow();
		}
		writer.flush();
		err.println(tally.summary());
		return tally.allPassed() ? 0 : 1;
	}

	/** A line's outcome, and its result as the output format writes it. */
	private record Done(BatchEvaluator.Outcome outcome, String text) {
	}

	private static Done evaluate(BatchEvaluator evaluator, ResultFormat format, BatchLine line) {
		BatchEvaluator.Outcome outcome = evaluator.evaluate(line);
		return new Done(outcome, (outcome instanceof BatchEvaluator.Evaluated e) ? format.format(e) : null);
	}

	private static Done take(Deque<Future<Done>> window) {
		try {
			return window.poll().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException re) ? re : new IllegalStateException(ex.getCause());
		}
	}

	/** A reader such as {@code head} may close standard output early: then there is no point in going on. */
	private static boolean stdoutClosed(Tally tally, Writer writer, BatchOptions options, PrintStream out,
			PrintStream err) throws IOException {
		if (!options.writesStandardOutput() || tally.total() % OUTPUT_CHECK_INTERVAL != 0) {
			return false;
		}
		writer.flush();
		if (out.checkError()) {
			err.println("batch: stopped: standard output was closed");
			return true;
		}
		return false;
	}

	/** Counts the outcomes, and reports each invalid line and failed expectation as it comes. */
	private static final class Tally {

		private int passed;

		private int failed;

		private int invalid;

		void record(Done done, Writer writer, PrintStream err) throws IOException {
			if (done.outcome() instanceof BatchEvaluator.Invalid bad) {
				this.invalid++;
				bad.problems().forEach((p) -> err.println(where(bad.line()) + ": invalid: " + p));
				return;
			}
			BatchEvaluator.Evaluated result = (BatchEvaluator.Evaluated) done.outcome();
			writer.write(done.text());
			if (result.passed()) {
				this.passed++;
			}
			else {
				this.failed++;
				reportFailures(result, err);
			}
		}

		int total() {
			return this.passed + this.failed + this.invalid;
		}

		boolean allPassed() {
			return this.failed + this.invalid == 0;
		}

		String summary() {
			return total() + " scenario" + ((total() == 1) ? "" : "s") + ", " + this.passed + " passed, " + this.failed
					+ " failed, " + this.invalid + " invalid";
		}

	}

	/**
	 * A diff of what was expected against what came out: {@code -} for a conclusion expected to hold that did not,
	 * with the unmet premises of each rule that could have produced it; {@code +} for one expected absent that held,
	 * with the rules that produced it.
	 */
	private static void reportFailures(BatchEvaluator.Evaluated result, PrintStream err) {
		BatchLine line = result.line();
		if (result.unsettled() != null) {
			err.println(where(line) + ": not evaluated: " + result.unsettled());
			return;
		}
		int expected = line.holds().size() + line.absent().size();
		err.println(where(line) + ": " + result.failures().size() + " of " + expected + " expectation"
				+ ((expected == 1) ? "" : "s") + " not met");
		for (ScenarioVerdict.Failure failure : result.failures()) {
			boolean holds = failure.expected() == ScenarioVerdict.Expected.HOLDS;
			err.println((holds ? "  - " : "  + ") + failure.named()
					+ (holds ? " expected to hold, but does not:" : " expected absent, but holds:"));
			failure.explanation().forEach((r) -> err.println("      " + r));
		}
	}

	private static String where(BatchLine line) {
		boolean named = !line.id().equals(BatchLine.defaultId(line.line()));
		return "line " + line.line() + (named ? " (" + line.id() + ")" : "");
	}

	private static int usageError(PrintStream err, String message) {
		err.println("batch: " + message);
		err.println(BatchOptions.USAGE);
		return 2;
	}

	private static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** Standard input belongs to the process: reading it to the end is ours to do, closing it is not. */
	private static final class KeptOpen extends FilterInputStream {

		KeptOpen(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
