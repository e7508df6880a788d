package org.policyadvisor.compare;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Strength;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/compare?s=...}: the comparison's data, compactly, for the same sources as the page. Problems are
 * {@code application/problem+json}, one entry per source at fault.
 */
@RestController
class CompareApiController {

	private final ScenarioSources sources;

	CompareApiController(ScenarioSources sources) {
		this.sources = sources;
	}

	@GetMapping(path = "/api/compare", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> compare(@RequestParam MultiValueMap<String, String> params) {
		ScenarioSources.Resolution resolution = this.sources
			.resolve(params.getOrDefault(CompareController.PARAM_SOURCE, List.of()));
		if (!resolution.ok()) {
			return problem(resolution);
		}
		return ResponseEntity.ok(CompareResponse.of(Comparison.of(this.sources.pack(), resolution.scenarios())));
	}

	private static ResponseEntity<ProblemDetail> problem(ScenarioSources.Resolution resolution) {
		HttpStatus status = HttpStatus.valueOf(resolution.status());
		ProblemDetail problem;
		if (resolution.countError() != null) {
			problem = ProblemDetail.forStatusAndDetail(status, resolution.countError()
					+ " Give each as a parameter s: " + Source.SYNTAX);
			problem.setTitle("Wrong number of scenarios");
			problem.setType(URI.create("urn:policy-advisor:problem:compare-count"));
		}
		else {
			int n = resolution.problems().size();
			problem = ProblemDetail.forStatusAndDetail(status, ((n == 1) ? "One source" : n + " sources")
					+ " cannot be compared; see errors.");
			problem.setTitle((status == HttpStatus.NOT_FOUND) ? "Unknown scenario" : (status == HttpStatus.BAD_REQUEST)
					? "Invalid source" : "Evaluation stopped");
			problem.setType(URI.create("urn:policy-advisor:problem:compare-source"));
			problem.setProperty("errors", resolution.problems().stream().map(SourceError::of).toList());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** One source at fault: its place (1 for the first), its letter, and why. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record SourceError(int source, String letter, String given, int status, String message,
			Map<String, String> conditions) {

		static SourceError of(ScenarioSources.Problem p) {
			return new SourceError(p.index() + 1, p.letter(), p.given(), p.status(), p.message(), p.fields());
		}

	}

	/**
	 * The comparison. Conditions and strengths are listed in the order of {@code scenarios}; a {@code null} strength
	 * means the conclusion does not apply there.
	 */
	record CompareResponse(List<ScenarioInfo> scenarios, int sameConditions, List<ConditionInfo> conditions,
			List<ConclusionInfo> conclusions) {

		static CompareResponse of(Comparison c) {
			return new CompareResponse(c.scenarios().stream().map(ScenarioInfo::of).toList(), c.same().size(),
					c.differing().stream().map(ConditionInfo::of).toList(),
					c.conclusions().stream().map(ConclusionInfo::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record ScenarioInfo(String letter, String source, String label, String kind, String result, String saved,
			List<String> ignoredConditions) {

		static ScenarioInfo of(ComparedScenario s) {
			return new ScenarioInfo(s.letter(), s.canonical(), s.label(), s.source().kind().prefix(), s.resultLink(),
					s.savedLink(), s.ignored());
		}

	}

	record ConditionInfo(String id, String question, List<String> values) {

		static ConditionInfo of(Comparison.ConditionRow row) {
			ConditionDef c = row.condition();
			return new ConditionInfo(c.id(), c.question(), row.values().stream().map(Comparison.ValueCell::value).toList());
		}

	}

	record ConclusionInfo(String id, String kind, String title, List<String> strengths,
			List<ExplanationInfo> explanations) {

		static ConclusionInfo of(Comparison.ConclusionRow row) {
			return new ConclusionInfo(row.conclusion().id(), row.conclusion().kind().name().toLowerCase(),
					row.conclusion().title(),
					row.strengths().stream().map((s) -> (s != null) ? s.label() : null).toList(),
					row.explanations().stream().map(ExplanationInfo::of).toList());
		}

	}

	/**
	 * Why a conclusion differs between {@code scenario} and {@code baseline}: {@code because} are chains in
	 * {@code holdsIn}, {@code blocked} the premises that kept it from the other scenario.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ExplanationInfo(String scenario, String baseline, String change, String holdsIn, String strength,
			String otherStrength, List<PathInfo> because, List<PathInfo> blocked, Integer omitted) {

		static ExplanationInfo of(Comparison.PairExplanation e) {
			return new ExplanationInfo(e.scenario().letter(), e.baseline().letter(), e.change().id(),
					e.holding().letter(), label(e.holdingStrength()), label(e.otherStrength()),
					e.because().stream().map(PathInfo::of).toList(), e.blocked().stream().map(PathInfo::of).toList(),
					(e.omitted() > 0) ? e.omitted() : null);
		}

		private static String label(Strength s) {
			return (s != null) ? s.label() : null;
		}

	}

	/**
	 * A chain: where it starts ({@code condition} with its value on this side and the other, or {@code conclusion}
	 * with whether it holds on this side) and its rules, from that premise's rule to the conclusion.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PathInfo(String condition, String value, String otherValue, String conclusion, Boolean holds,
			List<String> rules) {

		static PathInfo of(Comparison.Path p) {
			List<String> rules = p.steps().stream().map((s) -> s.rule().id()).toList();
			Comparison.Origin o = p.origin();
			return o.fromCondition() ? new PathInfo(o.condition().id(), o.value(), o.otherValue(), null, null, rules)
					: new PathInfo(null, null, null, o.conclusion().id(), o.holds(), rules);
		}

	}

}
