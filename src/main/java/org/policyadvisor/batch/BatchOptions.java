package org.policyadvisor.batch;

import java.util.List;

/**
 * The command line of {@code batch}, parsed: which file to read and write, and in which formats.
 *
 * @param in the scenarios' file, or {@code -} for standard input
 * @param out the results' file, or {@code -} for standard output
 * @param inFormat the input's format: given, or from the file's extension
 * @param outFormat the output's format: given, or from the output file's extension, or the input's
 */
record BatchOptions(String in, String out, BatchFormat inFormat, BatchFormat outFormat) {

	static final String STANDARD_STREAM = "-";

	static final String USAGE = """
			Usage: java -jar policy-advisor.jar batch --in FILE [--out FILE] [--format jsonl|csv] [--format-out jsonl|csv]
			  --in FILE          the scenarios: JSON lines (.jsonl, .ndjson) or CSV (.csv); - reads standard input
			  --out FILE         where to write one result per scenario; - (the default) writes standard output
			  --format F         the input's format when the file name does not say it (needed with --in -)
			  --format-out F     the output's format (default: from the --out file's name, else the input's format)
			A JSON line: {"id": "s1", "scenario": "<a scenario of the pack, as the base>", "conditions": {"oil_price":
			  "low"}, "expect": {"holds": ["<conclusion id>"], "absent": [...]}}; all optional, omitted conditions
			  take their defaults. A CSV file: a header row with an id column, a column per condition (an empty cell
			  takes the default), optional scenario, expect_holds and expect_absent (conclusion ids separated by ;).
			Results: JSON lines {"id", "line", "conditions", "conclusions", "firedRules", "expectations"}, or CSV
			  with id, a column per kind of conclusion, passed and failures.
			Exit code: 0 every scenario valid and its expectations met, 1 a line invalid or an expectation not met
			  (each reported on standard error), 2 bad usage.""";

	/** Bad usage: the message says what is wrong; the command prints it with the usage and exits with 2. */
	static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}

	}

	/** Whether the arguments ask for the usage text only. */
	static boolean wantsHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	static BatchOptions parse(List<String> args) throws UsageException {
		String in = null;
		String out = STANDARD_STREAM;
		String format = null;
		String formatOut = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String name = arg;
			String value = null;
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				name = arg.substring(0, equals);
				value = arg.substring(equals + 1);
			}
			if (!List.of("--in", "--out", "--format", "--format-out").contains(name)) {
				throw new UsageException("unknown argument '" + arg + "'");
			}
			if (value == null) {
				if (i + 1 >= args.size()) {
					throw new UsageException(name + " needs a value");
				}
				value = args.get(++i);
			}
			if (value.isBlank()) {
				throw new UsageException(name + " needs a value");
			}
			switch (name) {
				case "--in" -> in = value;
				case "--out" -> out = value;
				case "--format" -> format = value;
				default -> formatOut = value;
			}
		}
		if (in == null) {
			throw new UsageException("--in is required");
		}
		BatchFormat inFormat = inFormat(in, format);
		BatchFormat outFormat = (formatOut != null) ? named(formatOut, "--format-out")
				: out.equals(STANDARD_STREAM) ? inFormat : BatchFormat.ofFile(out).orElse(inFormat);
		return new BatchOptions(in, out, inFormat, outFormat);
	}

	private static BatchFormat inFormat(String in, String format) throws UsageException {
		if (format != null) {
			return named(format, "--format");
		}
		if (in.equals(STANDARD_STREAM)) {
			// Guessing from the first line would turn a CSV into one "malformed JSON" report per line.
			throw new UsageException("say which format standard input holds: --format jsonl or --format csv");
		}
		return BatchFormat.ofFile(in).orElseThrow(() -> new UsageException("cannot tell the format of '" + in
				+ "' from its name: name it .jsonl, .ndjson or .csv, or give --format jsonl|csv"));
	}

	private static BatchFormat named(String format, String option) throws UsageException {
		return BatchFormat.named(format)
			.orElseThrow(() -> new UsageException("unknown format '" + format + "' for " + option + ": jsonl or csv"));
	}

	boolean readsStandardInput() {
		return this.in.equals(STANDARD_STREAM);
	}

	boolean writesStandardOutput() {
		return this.out.equals(STANDARD_STREAM);
	}

}
