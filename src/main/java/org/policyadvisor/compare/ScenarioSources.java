package org.policyadvisor.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.ScenarioKind;
import org.policyadvisor.engine.UnsettledEvaluationException;
import org.policyadvisor.saved.SavedScenario;
import org.policyadvisor.saved.SavedScenarioRepository;

import org.springframework.stereotype.Component;

/**
 * Turns the sources of a comparison into evaluated scenarios, or says for each source what is wrong with it: every
 * source is checked, so that one answer names all the problems.
 */
@Component
public class ScenarioSources {

	public static final int MIN = 2;

	public static final int MAX = 4;

	static final String LETTERS = "ABCD";

	private final RuleBase ruleBase;

	private final SavedScenarioRepository saved;

	public ScenarioSources(RuleBase ruleBase, SavedScenarioRepository saved) {
		this.ruleBase = ruleBase;
		this.saved = saved;
	}

	/**
	 * What is wrong with one source.
	 *
	 * @param index its place among the sources given, from 0
	 * @param given the text given, abbreviated
	 * @param status 400 for a malformed source or invalid condition values, 404 for an id that names nothing, 422
	 * when the rules do not settle for its conditions
	 * @param fields a message per condition whose value is not valid, by the condition's id
	 */
	public record Problem(int index, String given, int status, String message, Map<String, String> fields) {

		public String letter() {
			return ScenarioSources.letter(this.index);
		}

	}

	/**
	 * The sources resolved: every scenario when there are no problems.
	 *
	 * @param countError set when there are fewer than {@value #MIN} or more than {@value #MAX} sources
	 */
	public record Resolution(List<ComparedScenario> scenarios, List<Problem> problems, String countError) {

		public boolean ok() {
			return this.problems.isEmpty() && this.countError == null;
		}

		/**
		 * 400 when the request is malformed in any part (the count, a source's syntax or values), else 404 when a
		 * source names nothing, else 422 when the rules could not settle.
		 */
		public int status() {
			if (this.countError != null || this.problems.stream().anyMatch((p) -> p.status() == 400)) {
				return 400;
			}
			return this.problems.stream().mapToInt(Problem::status).min().orElse(200);
		}

	}

	static String letter(int index) {
		return (index < LETTERS.length()) ? String.valueOf(LETTERS.charAt(index)) : String.valueOf(index + 1);
	}

	public RulePack pack() {
		return this.ruleBase.pack();
	}

	/** Reads and resolves the values of the {@code s} parameters, in order. */
	public Resolution resolve(List<String> texts) {
		return resolveParsed(texts.stream().map(Source::parse).toList(), texts);
	}

	/** Resolves sources read already; {@code given} holds the texts they were read from, for messages. */
	Resolution resolveParsed(List<Source.Parsed> parsed, List<String> given) {
		if (parsed.size() < MIN || parsed.size() > MAX) {
			String error = (parsed.size() < MIN)
					? "Choose at least " + MIN + " scenarios to compare (" + parsed.size() + " given)."
					: "Compare at most " + MAX + " scenarios at a time (" + parsed.size() + " given).";
			return new Resolution(List.of(), List.of(), error);
		}
		List<ComparedScenario> scenarios = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			String text = Source.abbreviate(String.valueOf(given.get(i)).strip());
			Source.Parsed p = parsed.get(i);
			if (!p.valid()) {
				problems.add(new Problem(i, text, 400, p.error(), Map.of()));
				continue;
			}
			Object resolved = resolve(i, p.source(), text);
			if (resolved instanceof Problem problem) {
				problems.add(problem);
			}
			else {
				scenarios.add((ComparedScenario) resolved);
			}
		}
		return new Resolution(problems.isEmpty() ? List.copyOf(scenarios) : List.of(), List.copyOf(problems), null);
	}

	/** What keeps one source from being compared; {@code null} when nothing does. */
	Problem problemWith(int index, Source source, String given) {
		return (resolve(index, source, Source.abbreviate(given.strip())) instanceof Problem problem) ? problem : null;
	}

	/** A scenario, or the {@link Problem} that keeps the source from being one. */
	private Object resolve(int index, Source source, String given) {
		RulePack pack = pack();
		String letter = letter(index);
		return switch (source.kind()) {
			case DEFAULTS -> evaluate(index, given, source, "Early 2019", "The paper's situation (the defaults)",
					"/advice", null, pack.defaults(), List.of());
			case PRESET -> {
				Scenario scenario = pack.scenario(source.id()).orElse(null);
				if (scenario == null) {
					yield new Problem(index, given, 404, "There is no preset scenario '"
							+ Source.abbreviate(source.id()) + "' in this rule pack.", Map.of());
				}
				String kind = (scenario.kind() == ScenarioKind.HISTORICAL) ? "Preset: a moment in the paper"
						: "Preset: a what-if";
				yield evaluate(index, given, source, scenario.title(), kind,
						"/advice?scenario=" + Source.encode(scenario.id()), null, pack.conditionsOf(scenario),
						List.of());
			}
			case SAVED -> {
				SavedScenario s = this.saved.find(source.id()).orElse(null);
				if (s == null) {
					yield new Problem(index, given, 404, "There is no saved scenario with the id '"
							+ Source.abbreviate(source.id()) + "'.", Map.of());
				}
				// A saved scenario may name conditions the pack has since dropped: they are left out, and said so.
				List<String> ignored = s.conditions().keySet().stream().filter((id) -> pack.condition(id).isEmpty())
					.toList();
				ConditionValidator.Result input = ConditionValidator.validate(pack, s.conditions(), false);
				if (!input.valid()) {
					yield invalid(index, given, "The saved scenario '" + Source.abbreviate(s.name())
							+ "' has answers this rule pack does not accept.", input.errors());
				}
				yield evaluate(index, given, source, s.name(), "Saved scenario",
						adviceLink(input.values()), "/scenarios/" + s.id(), input.values(), ignored);
			}
			case CURRENT -> {
				ConditionValidator.Result input = ConditionValidator.validate(pack, source.given(), true);
				if (!input.valid()) {
					yield invalid(index, given, "The conditions of " + letter + " are not valid.", input.errors());
				}
				int changed = Source.changedFromDefaults(pack, input.values()).size();
				String label = (changed == 0) ? "Conditions as in early 2019"
						: "Your conditions (" + changed + ((changed == 1) ? " answer" : " answers")
								+ " changed from early 2019)";
				yield evaluate(index, given, source, label, "Conditions from a result", adviceLink(input.values()), null,
						input.values(), List.of());
			}
		};
	}

	/** The result page for these conditions; only those that differ from early 2019 need to travel. */
	private String adviceLink(Map<String, String> values) {
		String query = Source.query(Source.changedFromDefaults(pack(), values));
		return query.isEmpty() ? "/advice" : "/advice?" + query;
	}

	private static Problem invalid(int index, String given, String message, Map<String, String> errors) {
		return new Problem(index, given, 400, message, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
	}

	private Object evaluate(int index, String given, Source source, String label, String kindLabel,
			String resultLink, String savedLink, Map<String, String> conditions, List<String> ignored) {
		Evaluation evaluation;
		try {
			evaluation = this.ruleBase.evaluate(conditions);
		}
		catch (UnsettledEvaluationException ex) {
			return new Problem(index, given, 422, ex.getMessage(), Map.of());
		}
		return new ComparedScenario(letter(index), source, source.canonical(pack()), label, kindLabel, resultLink,
				savedLink, evaluation.conditions(), ignored, evaluation);
	}

}
