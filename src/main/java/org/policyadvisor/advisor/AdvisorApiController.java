package org.policyadvisor.advisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: evaluate conditions, and read the pack's catalogues and rules. Errors are
 * {@code application/problem+json} (see {@link ApiExceptionHandler}).
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AdvisorApiController {

	private final RuleBase ruleBase;

	private final EvaluationJson json;

	AdvisorApiController(RuleBase ruleBase, JsonMapper mapper) {
		this.ruleBase = ruleBase;
		this.json = new EvaluationJson(mapper, ruleBase.cache().enabled());
	}

	/**
	 * Evaluates {@code conditions}, or a scenario named by {@code scenario} with {@code conditions} applied on top;
	 * omitted conditions take their early-2019 defaults.
	 */
	@PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> evaluate(@RequestBody ApiModel.EvaluateRequest request) {
		RulePack pack = this.ruleBase.pack();
		Scenario scenario = null;
		if (request.scenario() != null) {
			scenario = pack.scenario(request.scenario())
				.orElseThrow(() -> new UnknownScenarioException(request.scenario()));
		}
		Map<String, String> given = new LinkedHashMap<>();
		if (scenario != null) {
			given.putAll(scenario.conditions());
		}
		Map<String, String> typeErrors = new LinkedHashMap<>();
		Map<String, Object> raw = (request.conditions() != null) ? request.conditions() : Map.of();
		raw.forEach((id, value) -> {
			// JSON booleans are welcome for yes/no conditions; other non-strings are a client mistake.
			if (value instanceof String s) {
				given.put(id, s);
			}
			else if (value instanceof Boolean b) {
				given.put(id, b.toString());
			}
			else {
				typeErrors.put(id, "Must be a string, one of the condition's value ids.");
			}
		});
		ConditionValidator.Result input = ConditionValidator.validate(pack, given, true);
		if (!input.valid() || !typeErrors.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>(input.errors());
			errors.putAll(typeErrors);
			throw new InvalidConditionsException(errors);
		}
		// The JSON of an ApiModel.EvaluationResponse, written once per evaluation (see EvaluationJson).
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(this.json.of(pack, scenario, this.ruleBase.evaluate(input.values())));
	}

	@GetMapping("/scenarios")
	List<ApiModel.ScenarioInfo> scenarios() {
		return this.ruleBase.pack().scenarios().stream().map(ApiModel.ScenarioInfo::of).toList();
	}

	@GetMapping("/conditions")
	List<ApiModel.ConditionInfo> conditions() {
		return this.ruleBase.pack().conditions().stream().map(ApiModel.ConditionInfo::of).toList();
	}

	@GetMapping("/conclusions")
	List<ApiModel.ConclusionInfo> conclusions() {
		RulePack pack = this.ruleBase.pack();
		return pack.conclusions().stream().map((c) -> ApiModel.ConclusionInfo.of(pack, c)).toList();
	}

	@GetMapping("/rules")
	List<ApiModel.RuleInfo> rules() {
		RulePack pack = this.ruleBase.pack();
		return pack.rules().stream().map((r) -> ApiModel.RuleInfo.of(pack, r)).toList();
	}

	@GetMapping("/pack")
	ApiModel.PackDetail pack() {
		return ApiModel.PackDetail.of(this.ruleBase.pack());
	}

}
