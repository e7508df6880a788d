package org.policyadvisor.advisor;

import java.util.Map;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

/**
 * Which scenario a result's conditions come from, for the result page to say so.
 *
 * @param differences how many answers differ from the scenario's; 0 when the conditions are exactly the scenario's
 */
record ScenarioBasis(Scenario scenario, int differences) {

	public boolean exact() {
		return this.differences == 0;
	}

	/**
	 * The scenario a result started from. Asked for by id, it is that scenario, however far the conditions have moved
	 * from it. Otherwise it is the first scenario whose conditions equal the result's exactly: the form cannot carry
	 * the id of a scenario it was loaded from, and once an answer is changed the result is no longer that scenario's.
	 *
	 * @param requested the scenario asked for by id, or {@code null}
	 * @return {@code null} when no scenario applies
	 */
	static ScenarioBasis of(RulePack pack, Scenario requested, Map<String, String> conditions) {
		if (requested != null) {
			Map<String, String> own = pack.conditionsOf(requested);
			int differences = (int) own.entrySet().stream()
				.filter((e) -> !e.getValue().equals(conditions.get(e.getKey())))
				.count();
			return new ScenarioBasis(requested, differences);
		}
		return pack.scenarios().stream().filter((s) -> pack.conditionsOf(s).equals(conditions)).findFirst()
			.map((s) -> new ScenarioBasis(s, 0)).orElse(null);
	}

}
