package org.policyadvisor.saved;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;

/**
 * A saved scenario's conditions read against the rule pack being served, which may be newer than the one it was saved
 * under: answers the pack no longer has, or whose value it no longer allows, are set aside (and said so), and the
 * rest is a complete, valid set of conditions the engine can evaluate.
 *
 * @param values every condition of the pack: the saved answer where it is still valid, else the early-2019 default
 * @param ignored the saved answers set aside, in the order saved
 */
public record SavedConditions(Map<String, String> values, List<Ignored> ignored) {

	/** A saved answer the current pack cannot use; {@code question} is null when the condition is gone. */
	public record Ignored(String conditionId, String savedValue, String question, String reason) {
	}

	public static SavedConditions of(RulePack pack, Map<String, String> saved) {
		ConditionValidator.Result checked = ConditionValidator.validate(pack, saved, true);
		Map<String, String> values = new LinkedHashMap<>(checked.values());
		List<Ignored> ignored = new ArrayList<>();
		for (String id : checked.errors().keySet()) {
			ConditionDef def = pack.condition(id).orElse(null);
			if (def == null) {
				ignored.add(new Ignored(id, saved.get(id), null,
						"The rule pack no longer asks this question; the answer is ignored."));
			}
			else {
				values.put(id, def.defaultValue());
				ignored.add(new Ignored(id, saved.get(id), def.question(), "The answer '" + saved.get(id)
						+ "' is no longer one of the choices; the early-2019 answer, " + def.labelOf(def.defaultValue())
						+ ", is used instead."));
			}
		}
		// The pack's order, so that forms and queries list conditions as the form does.
		Map<String, String> ordered = new LinkedHashMap<>();
		pack.conditions().forEach((c) -> ordered.put(c.id(), values.get(c.id())));
		return new SavedConditions(ordered, List.copyOf(ignored));
	}

	/** The answers that differ from the pack's early-2019 defaults: all a link needs to carry. */
	public Map<String, String> changedFrom(Map<String, String> defaults) {
		Map<String, String> changed = new LinkedHashMap<>();
		this.values.forEach((id, value) -> {
			if (!value.equals(defaults.get(id))) {
				changed.put(id, value);
			}
		});
		return changed;
	}

}
