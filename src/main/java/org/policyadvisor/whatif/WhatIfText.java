package org.policyadvisor.whatif;

import java.util.stream.Collectors;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;

/**
 * The analysis in plain words, shared by the page and the API: each condition by its question, each value by its
 * label in the catalogue.
 */
final class WhatIfText {

	private WhatIfText() {
	}

	/** "Recommendation", "Risk". */
	static String kind(WhatIf.Outlook outlook) {
		return (outlook.conclusion().kind() == ConclusionKind.RISK) ? "Risk" : "Recommendation";
	}

	/** "would no longer apply if" or "would apply if", by whether the conclusion holds now. */
	static String direction(WhatIf.Outlook outlook) {
		return outlook.holdsNow() ? "would no longer apply if" : "would apply if";
	}

	/**
	 * The whole sentence, e.g. "Recommendation “…” would apply if “How engaged …?” were ‘High’ instead of ‘Low’."
	 */
	static String sentence(RulePack pack, WhatIf.Outlook outlook, WhatIf.Suggestion suggestion) {
		return kind(outlook) + " “" + outlook.conclusion().title() + "” " + direction(outlook) + " "
				+ clause(pack, suggestion) + ".";
	}

	/** The changes of a suggestion, e.g. "“Q1?” were ‘a’ instead of ‘b’ and “Q2?” were ‘c’ instead of ‘d’". */
	static String clause(RulePack pack, WhatIf.Suggestion suggestion) {
		return suggestion.changes().stream().map((c) -> change(pack, c)).collect(Collectors.joining(" and "));
	}

	static String change(RulePack pack, WhatIf.Change change) {
		ConditionDef def = pack.condition(change.condition()).orElseThrow();
		return "“" + def.question() + "” were ‘" + def.labelOf(change.to()) + "’ instead of ‘"
				+ def.labelOf(change.from()) + "’";
	}

	/** What the list of suggestions under a conclusion's title means. */
	static String intro(WhatIf.Outlook outlook) {
		if (outlook.changesNeeded() == 1) {
			return (outlook.holdsNow() ? "It would no longer apply" : "It would apply")
					+ ((outlook.found() == 1) ? " if this were so:" : " if any one of these were so:");
		}
		return (outlook.holdsNow() ? "No single change would remove it. It would no longer apply"
				: "No single change would bring it about. It would apply")
				+ ((outlook.found() == 1) ? " if both of these were so:" : " if both changes of any of these pairs were made:");
	}

	/** Why no suggestion is listed: no single change nor any pair of changes flips the conclusion. */
	static String none(WhatIf.Outlook outlook) {
		return none(outlook, kind(outlook) + " “" + outlook.conclusion().title() + "”");
	}

	/** As {@link #none(WhatIf.Outlook)}, under a heading that already names the conclusion. */
	static String noneUnderTitle(WhatIf.Outlook outlook) {
		return none(outlook, "It");
	}

	private static String none(WhatIf.Outlook outlook, String subject) {
		if (outlook.cone() == 0) {
			return subject + " depends on no condition: no rule of the pack concludes it from the conditions.";
		}
		String scope = (outlook.cone() == 1) ? "the one condition it depends on"
				: "the " + outlook.cone() + " conditions it depends on";
		return subject + (outlook.holdsNow() ? " would still apply" : " would still not apply")
				+ " after any single change, or any pair of changes, of " + scope + ".";
	}

	/** "and 3 more pairs", for the suggestions found but not listed; empty when all are listed. */
	static String more(WhatIf.Outlook outlook) {
		int more = outlook.more();
		if (more <= 0) {
			return "";
		}
		return "and " + more + " more " + ((outlook.changesNeeded() == 1) ? "change" : "pair")
				+ ((more == 1) ? "" : "s") + " that would do it";
	}

}
