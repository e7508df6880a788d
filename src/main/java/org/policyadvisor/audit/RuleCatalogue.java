package org.policyadvisor.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.PackDescriptor;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;

import org.springframework.stereotype.Component;

/**
 * Every rule of the pack as an analyst audits it: what it claims and where the paper says so, its DRL, what it reads
 * (each condition with its question, each conclusion with its title and the rules that produce it) and what it
 * produces (with the rules that read that in turn). Built once: the pack does not change while the application runs.
 */
@Component
public class RuleCatalogue {

	private final RulePack pack;

	private final List<Entry> entries;

	/**
	 * One rule. {@code themes} and {@code kinds} are those of the conclusions it produces, which is what an analyst
	 * filters by: "the rules that lead to risks about Karabakh".
	 */
	public record Entry(RuleDef rule, PackDescriptor.Chapter chapter, List<Read> reads, List<Product> produces,
			Set<String> themes, Set<ConclusionKind> kinds) {

		/** The text free-text search looks in: id, claim, quote, source, and the ids the rule reads and produces. */
		String searchable() {
			return Stream
				.concat(Stream.of(this.rule.id(), this.rule.claim(), this.rule.quote(), this.rule.source()),
						Stream.concat(this.rule.reads().stream(), this.rule.produces().stream()))
				.collect(Collectors.joining("\n"))
				.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A premise in words. {@code subject} is the condition's question or the conclusion's title; {@code expected}
	 * what the rule needs of it; {@code producers} the rules that can make a conclusion premise hold (empty for a
	 * condition).
	 */
	public record Read(Premise premise, String subject, String expected, List<RuleDef> producers) {

		public boolean condition() {
			return this.premise.isCondition();
		}

	}

	/** A conclusion the rule produces, with the other rules that produce it and the rules that read it. */
	public record Product(ConclusionDef conclusion, String themeTitle, List<RuleDef> alsoProducedBy,
			List<RuleDef> readBy) {

		public String kindLabel() {
			return kindLabel(this.conclusion.kind());
		}

		static String kindLabel(ConclusionKind kind) {
			return switch (kind) {
				case EFFECT -> "Effect";
				case RISK -> "Risk";
				case RECOMMENDATION -> "Recommendation";
				case DISPUTED -> "Disputed belief";
			};
		}

	}

	public RuleCatalogue(RuleBase ruleBase) {
		this.pack = ruleBase.pack();
		PackDescriptor.Chapter other = new PackDescriptor.Chapter(-1, "Other");
		this.entries = this.pack.rules().stream()
			.sorted((a, b) -> ClaimsMatrix.compareIds(a.id(), b.id()))
			.map((r) -> entry(r, this.pack.descriptor().chapterOf(r.id()).orElse(other)))
			.toList();
	}

	private Entry entry(RuleDef rule, PackDescriptor.Chapter chapter) {
		List<Read> reads = rule.premises().stream().map(this::read).toList();
		List<Product> produces = new ArrayList<>();
		Set<String> themes = new LinkedHashSet<>();
		Set<ConclusionKind> kinds = new LinkedHashSet<>();
		for (String id : rule.produces()) {
			ConclusionDef c = this.pack.conclusion(id).orElseThrow();
			themes.add(c.theme());
			kinds.add(c.kind());
			produces.add(new Product(c, this.pack.themeTitle(c.theme()),
					this.pack.rulesProducing(id).stream().filter((r) -> !r.id().equals(rule.id())).toList(),
					this.pack.rulesReading(id)));
		}
		return new Entry(rule, chapter, reads, List.copyOf(produces), Set.copyOf(themes), Set.copyOf(kinds));
	}

	private Read read(Premise p) {
		if (p.isCondition()) {
			ConditionDef def = this.pack.condition(p.id()).orElseThrow();
			String values = joinOr(p.acceptedValues().stream().map(def::labelOf).toList());
			return new Read(p, def.question(), p.negated() ? "anything but " + values : values, List.of());
		}
		String title = this.pack.conclusion(p.id()).map(ConclusionDef::title).orElse(p.id());
		return new Read(p, title, p.negated() ? "does not hold" : "holds", this.pack.rulesProducing(p.id()));
	}

	private static String joinOr(List<String> items) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
	}

	public List<Entry> entries() {
		return this.entries;
	}

	public List<Entry> matching(RuleFilter filter) {
		// Every word must occur somewhere, in any order: "karabakh peacekeepers" finds the rule about both.
		List<String> words = (filter.text() == null) ? List.of()
				: List.of(filter.text().toLowerCase(Locale.ROOT).split("\\s+"));
		return this.entries.stream()
			.filter((e) -> filter.theme() == null || e.themes().contains(filter.theme()))
			.filter((e) -> filter.strength() == null || e.rule().strength() == filter.strength())
			.filter((e) -> filter.kind() == null || e.kinds().contains(filter.kind()))
			.filter((e) -> filter.chapter() == null || e.chapter().number() == filter.chapter())
			.filter((e) -> words.stream().allMatch(e.searchable()::contains))
			.toList();
	}

}
