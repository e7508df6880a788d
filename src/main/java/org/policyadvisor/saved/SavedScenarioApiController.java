package org.policyadvisor.saved;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.sharing.SecretLinks;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A saved scenario as JSON, what its view page shows: anyone with the id may read it. There is deliberately no API
 * for changes: they go through the edit link's pages.
 */
@RestController
@RequestMapping(path = "/api/scenarios/saved", produces = MediaType.APPLICATION_JSON_VALUE)
class SavedScenarioApiController {

	private final SavedScenarioRepository scenarios;

	private final RuleBase ruleBase;

	SavedScenarioApiController(SavedScenarioRepository scenarios, RuleBase ruleBase) {
		this.scenarios = scenarios;
		this.ruleBase = ruleBase;
	}

	/**
	 * @param conditions the answers as saved
	 * @param effectiveConditions what is evaluated under the rule pack being served: every condition, with the saved
	 * answers it can still use
	 * @param ignored saved answers the pack being served can no longer use
	 */
	record SavedScenarioJson(String id, String name, String notes, Map<String, String> conditions,
			Map<String, String> effectiveConditions, List<SavedConditions.Ignored> ignored, String packVersion,
			Instant createdAt, Instant updatedAt, String viewUrl) {
	}

	@GetMapping("/{id}")
	SavedScenarioJson scenario(@PathVariable String id) {
		SavedScenario s = this.scenarios.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no saved scenario '"
					+ (SecretLinks.isWellFormedId(id) ? id : "(malformed id)") + "'."));
		SavedConditions conditions = SavedConditions.of(this.ruleBase.pack(), s.conditions());
		return new SavedScenarioJson(s.id(), s.name(), s.notes(), s.conditions(), conditions.values(),
				conditions.ignored(), s.packVersion(), s.createdAt(), s.updatedAt(),
				ServletUriComponentsBuilder.fromCurrentContextPath().pathSegment("scenarios", s.id()).toUriString());
	}

}
