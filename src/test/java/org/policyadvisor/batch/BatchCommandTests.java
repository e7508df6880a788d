package org.policyadvisor.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.engine.TestPacks;
import org.policyadvisor.system.cli.CliCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code batch} command run in-process against the shipped rule base, on the files under
 * {@code src/test/resources/batch/}: what it writes, what it reports on standard error, and its exit code.
 */
class BatchCommandTests {

	private static final RuleBase RULE_BASE = TestPacks.shipped();

	private static final String FILES = "src/test/resources/batch/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An unknown scenario is answered with the pack's scenarios, which grow with the pack. */
	private static final String SCENARIO_IDS = String.join(", ",
			RULE_BASE.pack().scenarios().stream().map(Scenario::id).toList());

	private final BatchCommand command = new BatchCommand(RULE_BASE);

	@TempDir
	Path temp;

	/** What a run wrote and returned. */
	record Run(int exit, String out, String err) {

		List<JsonNode> results() {
			return this.out.lines().map(JSON::readTree).toList();
		}

		List<String> errLines() {
			return this.err.lines().toList();
		}

	}

	private Run run(String... args) {
		return run(this.command, new ByteArrayInputStream(new byte[0]), args);
	}

	private Run runWithInput(String input, String... args) {
		return run(this.command, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
	}

	private static Run run(BatchCommand command, InputStream in, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = command.run(List.of(args), in, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static List<String> ids(List<JsonNode> results) {
		return results.stream().map((r) -> r.get("id").asString()).toList();
	}

	private static JsonNode conclusion(JsonNode result, String id) {
		for (JsonNode c : result.get("conclusions")) {
			if (c.get("id").asString().equals(id)) {
				return c;
			}
		}
		return null;
	}

	@Test
	void isTheBatchCommandTheLauncherFindsInTheApplicationContext() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				ShippedRuleBaseConfiguration.class, BatchCommand.class)) {
			assertThat(context.getBeansOfType(CliCommand.class).values()).extracting(CliCommand::name)
				.containsExactly("batch");
		}
	}

	@Nested
	class JsonLines {

		@Test
		void scenariosWhoseExpectationsHoldPassWithOneResultEach() {
			Run run = run("--in", FILES + "passing.jsonl");
			assertThat(run.exit()).isZero();
			assertThat(run.errLines()).containsExactly("4 scenarios, 4 passed, 0 failed, 0 invalid");
			List<JsonNode> results = run.results();
			// The blank line of the file is no scenario, and the output keeps the file's order.
			assertThat(ids(results)).containsExactly("early-2019", "oil-collapse", "deportations", "no-expectations");
			assertThat(results).extracting((r) -> r.get("line").asInt()).containsExactly(1, 2, 4, 5);
			assertThat(results).allSatisfy((r) -> {
				assertThat(r.get("expectations").get("passed").asBoolean()).isTrue();
				assertThat(r.get("expectations").get("failures")).isEmpty();
				assertThat(r.get("conditions").size()).isEqualTo(RULE_BASE.pack().conditions().size());
			});
		}

		@Test
		void eachResultListsTheConclusionsWithKindStrengthAndRulesAndTheRulesThatFired() {
			JsonNode early = run("--in", FILES + "passing.jsonl").results().get(0);
			assertThat(early.propertyNames()).containsExactly("id", "line", "conditions", "conclusions", "firedRules",
					"expectations");
			JsonNode balance = conclusion(early, "balance_eroding");
			assertThat(balance.get("kind").asString()).isEqualTo("effect");
			assertThat(balance.get("strength").asString()).isEqualTo(RULE_BASE.evaluate(RULE_BASE.pack().defaults())
				.finding("balance_eroding").orElseThrow().strength().label());
			assertThat(balance.get("rules").valueStream().map(JsonNode::asString)).contains("R0.01");
			assertThat(early.get("firedRules").valueStream().map(JsonNode::asString).toList()).contains("R0.01")
				.isEqualTo(RULE_BASE.evaluate(RULE_BASE.pack().defaults()).firedRules());
			assertThat(conclusion(early, "risk_economic_collapse")).isNull();
			assertThat(early.get("conditions").get("oil_price").asString()).isEqualTo("medium");
		}

		@Test
		void aLineStartsFromAPackScenarioAndTakesJsonBooleansForYesNoConditions() {
			List<JsonNode> results = run("--in", FILES + "passing.jsonl").results();
			JsonNode collapse = results.get(1);
			assertThat(collapse.get("scenario").asString()).isEqualTo("what-if-oil-price-collapse");
			assertThat(collapse.get("conditions").get("oil_price").asString()).isEqualTo("low");
			assertThat(conclusion(collapse, "risk_economic_collapse").get("kind").asString()).isEqualTo("risk");
			JsonNode deportations = results.get(2);
			assertThat(deportations.has("scenario")).isFalse();
			assertThat(deportations.get("conditions").get("deportation_threat").asString()).isEqualTo("true");
			assertThat(conclusion(deportations, "risk_mass_return_destabilization")).isNotNull();
		}

		@Test
		void unmetExpectationsFailWithADiffOfWhatWasExpectedAndWhy() {
			Run run = run("--in", FILES + "failing.jsonl");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.err()).isEqualTo("""
					line 2 (russia-weak): 1 of 2 expectations not met
					  - risk_karabakh_policy_forced (Russia forces a change in Azerbaijan's policy on Nagorny Karabakh)\
					 expected to hold, but does not:
					      R6.05 needs russian_power_projection medium or high, scenario has low
					line 3 (still-eroding): 1 of 1 expectation not met
					  + balance_eroding (Azerbaijan's balancing act between Russia and the West is eroding) expected\
					 absent, but holds:
					      R0.01 produced it from western_engagement low, russian_power_projection high
					3 scenarios, 1 passed, 2 failed, 0 invalid
					""");
			List<JsonNode> results = run.results();
			assertThat(ids(results)).containsExactly("meets-both", "russia-weak", "still-eroding");
			assertThat(results.get(0).get("expectations").get("passed").asBoolean()).isTrue();
			JsonNode weak = results.get(1).get("expectations");
			assertThat(weak.get("passed").asBoolean()).isFalse();
			assertThat(weak.get("failures").valueStream().map(JsonNode::asString)).containsExactly(
					"risk_karabakh_policy_forced (Russia forces a change in Azerbaijan's policy on Nagorny Karabakh)"
							+ " did not hold: R6.05 needs russian_power_projection medium or high, scenario has low");
		}

		@Test
		void aConclusionReachedThroughOthersIsExplainedDownToTheConditionsAsATree() {
			Run run = runWithInput("{\"id\": \"engaged\", \"conditions\": {\"western_engagement\": \"high\"},"
					+ " \"expect\": {\"holds\": [\"rec_west_engage_regionally\"]}}\n", "--in", "-", "--format",
					"jsonl");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.errLines()).startsWith("line 1 (engaged): 1 of 1 expectation not met",
					"  - rec_west_engage_regionally (Re-engage in South Caucasus affairs) expected to hold, but does"
							+ " not:",
					"      R6.28 needs balance_eroding to hold, which it does not:",
					"        R0.01 needs western_engagement low, scenario has high",
					"        R2.12 needs pro_western_balancing to hold, which it does not:",
					"          R2.07 needs presidential_control_of_foreign_policy to hold, which it does not");
		}

		@Test
		void everyInvalidLineIsReportedWithItsLineAndFieldAndTheOthersStillRun() {
			Run run = run("--in", FILES + "invalid.jsonl");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.errLines()).containsExactly(
					"line 2: invalid: malformed JSON at column 51: Unexpected end-of-input: expected close marker for"
							+ " Object",
					"line 3 (unknown-condition): invalid: conditions.oil_prices: 'oil_prices' is not a condition of"
							+ " this rule pack.",
					"line 4 (bad-value): invalid: conditions.deportation_threat: must be a string, one of the"
							+ " condition's value ids",
					"line 4 (bad-value): invalid: conditions.oil_price: Choose one of low, medium, high (got"
							+ " 'plenty').",
					"line 5 (unknown-conclusion): invalid: expect.holds: 'balance_eroded' is not a conclusion of this"
							+ " rule pack.",
					"line 6 (unknown-scenario): invalid: scenario: 'what-if-oil-boom' is not a scenario of this rule"
							+ " pack (it has " + SCENARIO_IDS + ").",
					"line 7: invalid: expected a JSON object {\"id\": ..., \"conditions\": {...}}, got array",
					"line 8 (misspelt-field): invalid: conditons: not a field of a batch scenario, which has id,"
							+ " scenario, conditions, expect",
					"9 scenarios, 2 passed, 0 failed, 7 invalid");
			assertThat(ids(run.results())).containsExactly("fine", "also-fine");
		}

		@Test
		void ambiguousOrContradictoryLinesAreInvalidToo() {
			Run run = runWithInput("""
					{"id": "twice", "conditions": {"oil_price": "low", "oil_price": "high"}}
					{"id": "both", "expect": {"holds": ["balance_eroding"], "absent": ["balance_eroding"]}}
					{"id": "single", "expect": {"holds": "balance_eroding", "present": []}}
					{"conditions": {"oil_price": "high"}}
					""", "--in", "-", "--format", "ndjson");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.errLines()).containsExactly(
					"line 1: invalid: malformed JSON at column 63: Duplicate Object property \"oil_price\"",
					"line 2 (both): invalid: expect.absent: 'balance_eroding' is expected both to hold and to be"
							+ " absent",
					"line 3 (single): invalid: expect.holds: must be a list of conclusion ids, like"
							+ " [\"balance_eroding\"]",
					"line 3 (single): invalid: expect.present: not a field of expect, which has holds and absent",
					"4 scenarios, 1 passed, 0 failed, 3 invalid");
			// A line without an id is known by its line number.
			assertThat(ids(run.results())).containsExactly("line-4");
		}

		@Test
		void aLineLongerThanTheLimitIsReportedWithoutBeingReadIntoMemoryAndTheNextStillRuns() {
			BatchCommand limited = new BatchCommand(RULE_BASE, 200);
			String longLine = "{\"id\": \"long\", \"conditions\": {\"oil_price\": \"" + "x".repeat(300) + "\"}}";
			Run run = run(limited, new ByteArrayInputStream((longLine + "\n{\"id\": \"short\"}\n")
				.getBytes(StandardCharsets.UTF_8)), "--in", "-", "--format", "jsonl");
			assertThat(run.errLines()).containsExactly("line 1: invalid: the line is longer than 200 characters",
					"2 scenarios, 1 passed, 0 failed, 1 invalid");
			assertThat(ids(run.results())).containsExactly("short");
		}

	}

	@Nested
	class Csv {

		@Test
		void rowsWhoseExpectationsHoldPassWithOneRowOfConclusionsPerKind() throws IOException {
			Path out = temp.resolve("results.csv");
			Run run = run("--in", FILES + "passing.csv", "--out", out.toString());
			assertThat(run.exit()).isZero();
			assertThat(run.out()).isEmpty();
			assertThat(run.errLines()).containsExactly("3 scenarios, 3 passed, 0 failed, 0 invalid");
			List<String> rows = Files.readAllLines(out);
			assertThat(rows).hasSize(4);
			assertThat(rows.get(0)).isEqualTo("id,effect,risk,recommendation,disputed,passed,failures");
			assertThat(rows.subList(1, 4)).extracting((r) -> r.substring(0, r.indexOf(',')))
				.containsExactly("early-2019", "oil-collapse", "deportations");
			assertThat(rows).allSatisfy((r) -> assertThat(r.split(",", -1)).hasSize(7));
			String[] collapse = rows.get(2).split(",", -1);
			assertThat(collapse[1].split(";")).contains("leadership_oil_price_dependent").doesNotContain(
					"risk_economic_collapse");
			assertThat(collapse[2].split(";")).contains("risk_economic_collapse");
			assertThat(collapse[3].split(";")).contains("rec_genuine_reforms");
			assertThat(collapse[5]).isEqualTo("true");
			assertThat(collapse[6]).isEmpty();
			assertThat(rows.get(1).split(",", -1)[2].split(";")).doesNotContain("risk_economic_collapse");
		}

		@Test
		void badRowsAreReportedByColumnAndFailedRowsByDiffWhileTheRestRun() {
			Run run = run("--in", FILES + "mixed.csv");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.errLines()).containsExactly(
					"line 3 (russia-weak): 1 of 2 expectations not met",
					"  - risk_karabakh_policy_forced (Russia forces a change in Azerbaijan's policy on Nagorny"
							+ " Karabakh) expected to hold, but does not:",
					"      R6.05 needs russian_power_projection medium or high, scenario has low",
					"line 4 (bad-value): invalid: oil_price: Choose one of low, medium, high (got 'plenty').",
					"line 5 (unknown-conclusion): invalid: expect_holds: 'balance_eroded' is not a conclusion of this"
							+ " rule pack.",
					"line 6 (unknown-scenario): invalid: scenario: 'what-if-oil-boom' is not a scenario of this rule"
							+ " pack (it has " + SCENARIO_IDS + ").",
					"line 7 (short row): invalid: the row has 3 cells where the header has 6 columns",
					"7 scenarios, 2 passed, 1 failed, 4 invalid");
			// Standard output takes the input's format; a cell holding a comma stays quoted.
			List<String> rows = run.out().lines().toList();
			assertThat(rows).hasSize(4);
			assertThat(rows.get(2)).startsWith("russia-weak,").contains(",false,\"risk_karabakh_policy_forced (Russia"
					+ " forces a change in Azerbaijan's policy on Nagorny Karabakh) did not hold: R6.05 needs");
			assertThat(rows.get(3)).startsWith("\"oil collapse, from the pack\",").endsWith(",true,");
		}

		@Test
		void aQuotedCellMaySpanLinesAndLaterRowsAreStillReportedAtTheirOwnLine() {
			Run run = runWithInput("""
					id,oil_price
					"two
					lines",low
					bad,plenty
					""", "--in", "-", "--format", "csv", "--format-out", "jsonl");
			assertThat(run.errLines()).containsExactly(
					"line 4 (bad): invalid: oil_price: Choose one of low, medium, high (got 'plenty').",
					"2 scenarios, 1 passed, 0 failed, 1 invalid");
			JsonNode result = run.results().get(0);
			assertThat(result.get("id").asString()).isEqualTo("two\nlines");
			assertThat(result.get("line").asInt()).isEqualTo(2);
		}

		@Test
		void aColumnThatIsNoConditionIsPointedOutAndMakesTheRowsThatFillItInvalid() {
			Run run = runWithInput("id,oil_prise\nfilled,low\nempty,\n", "--in", "-", "--format", "csv");
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.errLines()).containsExactly(
					"line 1: column 'oil_prise' is not a condition of this rule pack, nor one of id, scenario,"
							+ " expect_holds, expect_absent; rows that fill it are invalid",
					"line 2 (filled): invalid: oil_prise: 'oil_prise' is not a condition of this rule pack.",
					"2 scenarios, 1 passed, 0 failed, 1 invalid");
		}

		@Test
		void anUnclosedQuoteIsAnInvalidRow() {
			Run run = runWithInput("id,oil_price\nok,high\n\"open,low\n", "--in", "-", "--format", "csv");
			assertThat(run.errLines()).containsExactly("line 3: invalid: a quoted cell (column 1) is not closed"
					+ " before the end of the file", "2 scenarios, 1 passed, 0 failed, 1 invalid");
		}

		@Test
		void aHeaderWithoutAnIdColumnIsBadUsage() throws IOException {
			Path in = temp.resolve("no-id.csv");
			Files.writeString(in, "name,oil_price\na,low\n");
			Path out = temp.resolve("out.jsonl");
			Run run = run("--in", in.toString(), "--out", out.toString());
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.errLines().get(0)).isEqualTo("batch: " + in + ": line 1: the header row has no 'id' column"
					+ " (found: name, oil_price)");
			assertThat(run.err()).contains("Usage: java -jar policy-advisor.jar batch --in FILE");
			assertThat(out).doesNotExist();
		}

	}

	@Nested
	class Formats {

		@Test
		void jsonLinesInCsvOutByOption() {
			Run run = run("--in", FILES + "failing.jsonl", "--format-out", "csv");
			assertThat(run.out().lines()).hasSize(4).first().isEqualTo(
					"id,effect,risk,recommendation,disputed,passed,failures");
		}

		@Test
		void csvInJsonLinesOutByTheOutputFilesName() throws IOException {
			Path out = temp.resolve("results.ndjson");
			assertThat(run("--in", FILES + "passing.csv", "--out", out.toString()).exit()).isZero();
			List<JsonNode> results = Files.readAllLines(out).stream().map(JSON::readTree).toList();
			assertThat(ids(results)).containsExactly("early-2019", "oil-collapse", "deportations");
			assertThat(results.get(1).get("conditions").get("oil_price").asString()).isEqualTo("low");
		}

	}

	@Nested
	class Usage {

		@Test
		void withoutInIsBadUsageWithTheUsage() {
			Run run = run();
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.errLines()).first().isEqualTo("batch: --in is required");
			assertThat(run.err()).contains("Usage: java -jar policy-advisor.jar batch --in FILE [--out FILE]");
			assertThat(run.out()).isEmpty();
		}

		@Test
		void anUnreadableFileIsBadUsage() {
			Run run = run("--in", FILES + "no-such-file.jsonl");
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.errLines()).first().isEqualTo("batch: cannot read " + FILES + "no-such-file.jsonl: no such"
					+ " file");
		}

		@Test
		void anUnknownFormatOrArgumentOrAFolderIsBadUsage() {
			Map<List<String>, String> messages = new LinkedHashMap<>();
			messages.put(List.of("--in", FILES + "passing.jsonl", "--format", "xml"),
					"batch: unknown format 'xml' for --format: jsonl or csv");
			messages.put(List.of("--in", FILES + "passing.jsonl", "--format-out=yaml"),
					"batch: unknown format 'yaml' for --format-out: jsonl or csv");
			messages.put(List.of("--in", "scenarios.json"), "batch: cannot tell the format of 'scenarios.json' from its"
					+ " name: name it .jsonl, .ndjson or .csv, or give --format jsonl|csv");
			messages.put(List.of("--in", "-"),
					"batch: say which format standard input holds: --format jsonl or --format csv");
			messages.put(List.of("--in", FILES + "passing.jsonl", "--threads", "4"),
					"batch: unknown argument '--threads'");
			messages.put(List.of("--in"), "batch: --in needs a value");
			messages.put(List.of("--in", "src", "--format", "csv"), "batch: cannot read src: it is a folder");
			messages.forEach((args, message) -> {
				Run run = run(args.toArray(String[]::new));
				assertThat(run.exit()).as("exit code of %s", args).isEqualTo(2);
				assertThat(run.errLines()).as("error of %s", args).first().isEqualTo(message);
				assertThat(run.err()).contains("Usage: java -jar policy-advisor.jar batch");
			});
		}

		@Test
		void theOutputMayNotOverwriteTheInput() throws IOException {
			Path in = temp.resolve("scenarios.jsonl");
			Files.writeString(in, "{\"id\": \"a\"}\n");
			Run run = run("--in", in.toString(), "--out", in.toString());
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.errLines()).first().isEqualTo("batch: cannot write " + in + ": it is the input file");
			assertThat(Files.readString(in)).isEqualTo("{\"id\": \"a\"}\n");
		}

		@Test
		void helpPrintsTheUsageAndSucceeds() {
			Run run = run("--help");
			assertThat(run.exit()).isZero();
			assertThat(run.out()).startsWith("Usage: java -jar policy-advisor.jar batch").contains("--format-out");
		}

	}

	@Nested
	class LargeInputs {

		/**
		 * Input made up as it is read, which checks, half-way through, that results have already been written: the
		 * command streams rather than reading the whole file first. The results come out in the input's order,
		 * although they are evaluated in parallel.
		 */
		@Test
		void resultsAreWrittenWhileTheInputIsStillBeingReadAndKeepItsOrder() {
			// More lines than the command keeps in flight, whatever the number of cores.
			int lines = Math.max(400, Runtime.getRuntime().availableProcessors() * 64);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			long[] writtenWhenHalfRead = { -1 };
			InputStream generated = new InputStream() {

				private int line;

				private byte[] current = new byte[0];

				private int position;

				@Override
				public int read() {
					if (this.position == this.current.length) {
						if (this.line == lines) {
							return -1;
						}
						if (this.line == lines / 2) {
							writtenWhenHalfRead[0] = out.size();
						}
						String value = (this.line % 2 == 0) ? "low" : "high";
						this.current = ("{\"id\": \"s" + this.line + "\", \"conditions\": {\"oil_price\": \"" + value
								+ "\"}}\n").getBytes(StandardCharsets.UTF_8);
						this.position = 0;
						this.line++;
					}
					return this.current[this.position++];
				}

			};
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = BatchCommandTests.this.command.run(List.of("--in", "-", "--format", "jsonl"), generated,
					new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(exit).isZero();
			assertThat(writtenWhenHalfRead[0]).isPositive();
			List<JsonNode> results = out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
			assertThat(ids(results)).hasSize(lines).isEqualTo(
					java.util.stream.IntStream.range(0, lines).mapToObj((i) -> "s" + i).toList());
			assertThat(results).allSatisfy((r) -> assertThat(r.get("conditions").get("oil_price").asString())
				.isEqualTo((r.get("line").asInt() % 2 == 1) ? "low" : "high"));
		}

	}

}
