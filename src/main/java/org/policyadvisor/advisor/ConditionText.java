package org.policyadvisor.advisor;

import java.util.ArrayList;
import java.util.List;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RulePack;

/** Plain-words wording of premises, shared by the result page and the API. */
final class ConditionText {

	private ConditionText() {
	}

	/** What a premise asks for, e.g. "low or medium", "holds", "does not hold", "anything but strained". */
	static String expected(RulePack pack, Premise premise) {
		if (!premise.isCondition()) {
			return premise.negated() ? "does not hold" : "holds";
		}
		ConditionDef def = pack.condition(premise.id()).orElseThrow();
		List<String> accepted = premise.acceptedValues();
		List<String> labels = new ArrayList<>(accepted.size());
		for (String value : accepted) {
			labels.add(def.labelOf(value));
		}
		String values = joinOr(labels);
		return premise.negated() ? "anything but " + values : values;
	}

	/** The subject of a premise: the condition's question or the conclusion's title. */
	static String subject(RulePack pack, Premise premise) {
		if (premise.isCondition()) {
			return pack.condition(premise.id()).map(ConditionDef::question).orElse(premise.id());
		}
		return pack.conclusion(premise.id()).map(ConclusionDef::title).orElse(premise.id());
	}

	static String actual(RulePack pack, Premise premise, String actual) {
		if (!premise.isCondition()) {
			return actual;
		}
		return pack.condition(premise.id()).map((d) -> d.labelOf(actual)).orElse(actual);
	}

	static String joinOr(List<String> items) {
		if (items.size() <= 1) {
			return items.isEmpty() ? "" : items.get(0);
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < items.size() - 1; i++) {
			text.append((i > 0) ? ", " : "").append(items.get(i));
		}
		return text.append(" or ").append(items.get(items.size() - 1)).toString();
	}

}
