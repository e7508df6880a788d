package org.policyadvisor.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RulePack;

/**
 * Formats the result of one evaluated scenario as the text of its line (or row) of the output. Stateless and
 * thread-safe: results are formatted where they are evaluated, in parallel.
 */
abstract class ResultFormat {

	protected final RulePack pack;

	ResultFormat(RulePack pack) {
		this.pack = pack;
	}

	static ResultFormat of(BatchFormat format, RulePack pack) {
		return (format == BatchFormat.CSV) ? new Csv(pack) : new JsonLines(pack);
	}

	/** What the output starts with, before any result. */
	abstract String header();

	/** One result, with its line break. */
	abstract String format(BatchEvaluator.Evaluated result);

	protected String kindOf(String conclusionId) {
		return this.pack.conclusion(conclusionId).orElseThrow().kind().name().toLowerCase(Locale.ROOT);
	}

	protected static List<Evaluation.Finding> findings(BatchEvaluator.Evaluated result) {
		return result.evaluation().map(Evaluation::findings).orElse(List.of());
	}

	/**
	 * {@code {"id", "line", "scenario", "conditions", "conclusions": [{"id", "kind", "strength", "rules"}],
	 * "firedRules", "expectations": {"passed", "failures"}}}; {@code conditions} holds every condition with the value
	 * used, {@code rules} the rules whose firing supports the conclusion.
	 */
	static final class JsonLines extends ResultFormat {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@JsonPropertyOrder({ "id", "line", "scenario", "conditions", "conclusions", "firedRules", "expectations" })
		record Result(String id, int line, @JsonInclude(JsonInclude.Include.NON_NULL) String scenario,
				Map<String, String> conditions, List<Conclusion> conclusions, List<String> firedRules,
				Expectations expectations) {
		}

		@JsonPropertyOrder({ "id", "kind", "strength", "rules" })
		record Conclusion(String id, String kind, String strength, List<String> rules) {
		}

		@JsonPropertyOrder({ "passed", "failures" })
		record Expectations(boolean passed, List<String> failures) {
		}

		JsonLines(RulePack pack) {
			super(pack);
		}

		@Override
		String header() {
			return "";
		}

		@Override
		String format(BatchEvaluator.Evaluated result) {
			List<Conclusion> conclusions = findings(result).stream()
				.map((f) -> new Conclusion(f.conclusionId(), kindOf(f.conclusionId()), f.strength().label(),
						f.derivations().stream().map(Evaluation.Derivation::ruleId).toList()))
				.toList();
			Result json = new Result(result.line().id(), result.line().line(), result.line().scenario(),
					result.conditions(), conclusions,
					result.evaluation().map(Evaluation::firedRules).orElse(List.of()),
					new Expectations(result.passed(), result.failureMessages()));
			return JSON.writeValueAsString(json) + "\n";
		}

	}

	/**
	 * A header row, then per scenario: {@code id}, one column per kind of conclusion listing those that hold
	 * ({@code ;}-separated, in catalogue order), {@code passed} and {@code failures} (separated by {@code " | "}).
	 */
	static final class Csv extends ResultFormat {

		static final String FAILURE_SEPARATOR = " | ";

		Csv(RulePack pack) {
			super(pack);
		}

		@Override
		String header() {
			StringBuilder header = new StringBuilder("id");
			for (ConclusionKind kind : ConclusionKind.values()) {
				header.append(',').append(kind.name().toLowerCase(Locale.ROOT));
			}
			return header.append(",passed,failures\n").toString();
		}

		@Override
		String format(BatchEvaluator.Evaluated result) {
			List<Evaluation.Finding> findings = findings(result);
			StringBuilder row = new StringBuilder(cell(result.line().id()));
			for (ConclusionKind kind : ConclusionKind.values()) {
				String ids = findings.stream().map(Evaluation.Finding::conclusionId)
					.filter((id) -> this.pack.conclusion(id).orElseThrow().kind() == kind)
					.collect(Collectors.joining(";"));
				row.append(',').append(cell(ids));
			}
			row.append(',').append(result.passed());
			row.append(',').append(cell(String.join(FAILURE_SEPARATOR, result.failureMessages())));
			return row.append('\n').toString();
		}

		/** Quoted when it holds a comma, quote or line break, or starts or ends with a space (RFC 4180). */
		static String cell(String text) {
			boolean quote = text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r')
					|| (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
							|| Character.isWhitespace(text.charAt(text.length() - 1))));
			return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
		}

	}

}
