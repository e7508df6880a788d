package org.policyadvisor.advisor;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

/** The JSON shapes of the API, built from the pack and an evaluation. */
final class ApiModel {

	private ApiModel() {
	}

	/**
	 * @param scenario the id of a scenario whose conditions are the base; {@code conditions} apply on top of them
	 */
	record EvaluateRequest(Map<String, Object> conditions, String scenario) {
	}

	record PackInfo(String id, String title, String version, String citation) {

		static PackInfo of(RulePack pack) {
			return new PackInfo(pack.folder(), pack.descriptor().title(), pack.descriptor().version(),
					pack.descriptor().citation());
		}

	}

	record PackDetail(String id, String title, String version, String citation,
			List<org.policyadvisor.engine.Theme> themes,
			List<org.policyadvisor.engine.PackDescriptor.NeverRecommended> neverRecommended) {

		static PackDetail of(RulePack pack) {
			return new PackDetail(pack.folder(), pack.descriptor().title(), pack.descriptor().version(),
					pack.descriptor().citation(), pack.descriptor().themes(), pack.descriptor().neverRecommended());
		}

	}

	/** {@code scenario} is the id of the scenario the conditions started from, when the request named one. */
	record EvaluationResponse(PackInfo pack, @JsonInclude(JsonInclude.Include.NON_NULL) String scenario,
			Map<String, String> conditions, List<ConclusionResult> conclusions, List<NotApplied> notApplied,
			int firings) {
	}

	/** A scenario; {@code conditions} holds only what it changes from the early-2019 defaults. */
	record ScenarioInfo(String id, String title, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String period,
			String description, @JsonInclude(JsonInclude.Include.NON_NULL) String source, Map<String, String> conditions,
			Expectations expect) {

		static ScenarioInfo of(Scenario s) {
			return new ScenarioInfo(s.id(), s.title(), s.kind().id(), s.period(), s.description(), s.source(),
					s.conditions(), new Expectations(s.holds(), s.absent()));
		}

	}

	record Expectations(List<String> holds, List<String> absent) {
	}

	record ConclusionResult(String id, String kind, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String audience,
			String strength, List<DerivationResult> derivations) {
	}

	record DerivationResult(String rule, String claim, String source, String quote, String strength,
			List<PremiseResult> premises) {
	}

	/**
	 * A premise: {@code type} is "condition" or "conclusion"; {@code accepts}, the values it accepts, only for a
	 * condition; {@code expected} is in plain words.
	 */
	record PremiseResult(String type, String id, boolean negated,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<String> accepts, String expected, String actual,
			boolean met) {
	}

	record NotApplied(String id, String kind, String title, List<Attempt> attempts) {
	}

	record Attempt(String rule, String claim, List<PremiseResult> unmet) {
	}

	record ConditionInfo(String id, String theme, String question, String type, List<ValueInfo> values,
			@JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue, String help, String source) {

		static ConditionInfo of(ConditionDef c) {
			return new ConditionInfo(c.id(), c.theme(), c.question(), c.type().name().toLowerCase(),
					c.values().stream().map((v) -> new ValueInfo(v.id(), v.label())).toList(), c.defaultValue(),
					c.help(), c.source());
		}

	}

	record ValueInfo(String id, String label) {
	}

	record ConclusionInfo(String id, String kind, String theme, String title, String explanation,
			@JsonInclude(JsonInclude.Include.NON_NULL) String audience, String source, List<String> producedBy) {

		static ConclusionInfo of(RulePack pack, ConclusionDef c) {
			return new ConclusionInfo(c.id(), c.kind().name().toLowerCase(), c.theme(), c.title(), c.explanation(),
					c.audience(), c.source(), pack.rulesProducing(c.id()).stream().map(RuleDef::id).toList());
		}

	}

	record RuleInfo(String id, String name, String claim, String location, String source, String quote,
			String strength, List<String> reads, List<String> produces, List<PremiseResult> premises) {

		static RuleInfo of(RulePack pack, RuleDef r) {
			return new RuleInfo(r.id(), r.name(), r.claim(), r.location(), r.source(), r.quote(), r.strength().label(),
					r.reads(), r.produces(), r.premises().stream().map((p) -> premise(pack, p, null, true)).toList());
		}

	}

	static EvaluationResponse evaluation(RulePack pack, Scenario scenario, Evaluation e) {
		List<ConclusionResult> conclusions = e.findings().stream().map((f) -> {
			ConclusionDef c = pack.conclusion(f.conclusionId()).orElseThrow();
			return new ConclusionResult(c.id(), c.kind().name().toLowerCase(), c.title(), c.audience(),
					f.strength().label(), f.derivations().stream().map((d) -> {
						RuleDef r = pack.rule(d.ruleId()).orElseThrow();
						return new DerivationResult(r.id(), r.claim(), r.source(), r.quote(), d.strength().label(),
								d.premises().stream().map((p) -> premise(pack, p.premise(), p.actual(), p.met()))
									.toList());
					}).toList());
		}).toList();
		List<NotApplied> notApplied = e.absences().stream().map((a) -> {
			ConclusionDef c = pack.conclusion(a.conclusionId()).orElseThrow();
			return new NotApplied(c.id(), c.kind().name().toLowerCase(), c.title(), a.attempts().stream().map((t) -> {
				RuleDef r = pack.rule(t.ruleId()).orElseThrow();
				return new Attempt(r.id(), r.claim(),
						t.unmet().stream().map((p) -> premise(pack, p.premise(), p.actual(), false)).toList());
			}).toList());
		}).toList();
		return new EvaluationResponse(PackInfo.of(pack), (scenario != null) ? scenario.id() : null, e.conditions(),
				conclusions, notApplied, e.firings());
	}

	private static PremiseResult premise(RulePack pack, Premise p, String actual, boolean met) {
		return new PremiseResult(p.isCondition() ? "condition" : "conclusion", p.id(), p.negated(),
				p.isCondition() ? p.acceptedValues() : null, ConditionText.expected(pack, p), actual, met);
	}

}
