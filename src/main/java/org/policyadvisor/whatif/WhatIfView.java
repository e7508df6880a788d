package org.policyadvisor.whatif;

import java.util.Comparator;
import java.util.List;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;

/**
 * The analysis arranged for the page: risks and recommendations split by whether they hold now, each with the
 * changes that would flip it in plain words and a link to the result page with them applied; and the ranking of
 * conditions.
 *
 * @param quietConditions how many conditions move nothing with any single change
 */
record WhatIfView(List<OutlookView> risksNow, List<OutlookView> risksAbsent, List<OutlookView> recommendationsNow,
		List<OutlookView> recommendationsAbsent, List<LeverageView> ranking, int quietConditions,
		WhatIf.Figures figures) {

	/**
	 * A risk or recommendation. {@code suggestions} is empty when nothing found flips it; {@code none} then says so.
	 * {@code more} counts the pairs found but not listed, in words, or is empty.
	 */
	record OutlookView(ConclusionDef conclusion, boolean holdsNow, int changesNeeded, String intro,
			List<SuggestionView> suggestions, String more, String none) {
	}

	/** {@code sentence} is the whole suggestion in words; {@code adviceQuery} opens its result. */
	record SuggestionView(List<ChangeView> changes, String sentence, String adviceQuery) {
	}

	record ChangeView(String question, String from, String to) {
	}

	/** A condition of the ranking, with its best change(s) and what the first of them moves. */
	record LeverageView(ConditionDef condition, String current, List<ValueLink> best, List<Moved> moved,
			int effects) {
	}

	record ValueLink(String label, String adviceQuery) {
	}

	/** A risk or recommendation that a change makes appear ({@code appears}) or disappear. */
	record Moved(String kind, String title, boolean appears) {
	}

	/** Fewest changes first; those nothing flips last. */
	private static final Comparator<OutlookView> EASIEST_FIRST = Comparator
		.comparingInt((OutlookView o) -> (o.changesNeeded() == 0) ? Integer.MAX_VALUE : o.changesNeeded());

	static WhatIfView of(RulePack pack, WhatIfRequest request, WhatIf analysis) {
		List<OutlookView> risks = analysis.risks().stream().map((o) -> outlook(pack, request, o)).toList();
		List<OutlookView> recs = analysis.recommendations().stream().map((o) -> outlook(pack, request, o)).toList();
		List<LeverageView> ranking = analysis.ranking().stream()
			.filter((l) -> !l.best().isEmpty())
			.map((l) -> leverage(pack, request, l, analysis.holdingNow()))
			.toList();
		return new WhatIfView(holding(risks, true), holding(risks, false), holding(recs, true), holding(recs, false),
				ranking, analysis.ranking().size() - ranking.size(), analysis.figures());
	}

	private static List<OutlookView> holding(List<OutlookView> outlooks, boolean now) {
		return outlooks.stream().filter((o) -> o.holdsNow() == now).sorted(EASIEST_FIRST).toList();
	}

	private static OutlookView outlook(RulePack pack, WhatIfRequest request, WhatIf.Outlook o) {
		List<SuggestionView> suggestions = o.suggestions().stream()
			.map((s) -> new SuggestionView(s.changes().stream().map((c) -> change(pack, c)).toList(),
					WhatIfText.sentence(pack, o, s), request.adviceQuery(pack, s.changes())))
			.toList();
		return new OutlookView(o.conclusion(), o.holdsNow(), o.changesNeeded(),
				suggestions.isEmpty() ? "" : WhatIfText.intro(o), suggestions, WhatIfText.more(o),
				suggestions.isEmpty() ? WhatIfText.noneUnderTitle(o) : "");
	}

	private static ChangeView change(RulePack pack, WhatIf.Change c) {
		ConditionDef def = pack.condition(c.condition()).orElseThrow();
		return new ChangeView(def.question(), def.labelOf(c.from()), def.labelOf(c.to()));
	}

	private static LeverageView leverage(RulePack pack, WhatIfRequest request, WhatIf.Leverage l,
			java.util.Set<String> holdingNow) {
		ConditionDef def = pack.condition(l.condition()).orElseThrow();
		List<ValueLink> best = l.best().stream()
			.map((o) -> new ValueLink(def.labelOf(o.value()),
					request.adviceQuery(pack, List.of(new WhatIf.Change(def.id(), l.current(), o.value())))))
			.toList();
		List<Moved> moved = l.best().get(0).moved().stream()
			.map((id) -> pack.conclusion(id).orElseThrow())
			.map((c) -> new Moved((c.kind() == ConclusionKind.RISK) ? "Risk" : "Recommendation", c.title(),
					!holdingNow.contains(c.id())))
			.toList();
		return new LeverageView(def, def.labelOf(l.current()), best, moved, l.effects());
	}

}
