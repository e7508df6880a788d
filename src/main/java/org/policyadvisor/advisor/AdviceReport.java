package org.policyadvisor.advisor;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.PackDescriptor;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * A single result as a report, in the words both its PDF and its Markdown print: whatever either shows is here, so
 * the two cannot drift apart. Built from the {@link AdviceView} the result page shows.
 * <p>
 * A printed page has no collapsible "why", so each conclusion's explanation is flattened into numbered steps, from
 * the rules that read only the conditions up to those that conclude it; a step that builds on an earlier one names
 * its number instead of repeating it.
 */
record AdviceReport(Header header, List<StrengthNote> strengths, List<ConditionGroup> conditions, List<Finding> risks,
		List<AudienceGroup> recommendations, List<Finding> disputed, List<NeverRecommended> neverRecommended,
		List<NotApplying> notApplying) {

	static final String TITLE = "Policy advice";

	/** How a quote is attributed, as on the result page. */
	static final String CITE_AS = "Shiriyev (2019)";

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
			java.util.Locale.ENGLISH);

	private static final List<Strength> STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	/**
	 * @param basis the scenario the conditions come from, in words; {@code null} when none
	 * @param liveLink the absolute URL of the live result page
	 */
	record Header(String title, String packTitle, String packVersion, String citation, String citeAs,
			String generated, String liveLink, String basis, int riskCount, int recommendationCount) {

		/** The PDF's description. */
		public String subject() {
			return "The risks and recommendations that follow from a set of conditions, by the rules of "
					+ this.packTitle + ", with the reasons for each.";
		}

		/** "3 risks and 1 recommendation". */
		public String summary() {
			return count(this.riskCount, "risk") + " and " + count(this.recommendationCount, "recommendation");
		}

		private static String count(int n, String noun) {
			return n + " " + noun + ((n == 1) ? "" : "s");
		}

	}

	record StrengthNote(String label, String meaning) {
	}

	/** The conditions of one theme of the paper, in the form's order. */
	record ConditionGroup(String theme, List<ConditionLine> lines) {
	}

	/** @param defaultAnswer the early-2019 answer, shown when {@code changed} */
	record ConditionLine(String question, String answer, boolean changed, String defaultAnswer) {
	}

	record AudienceGroup(String audience, List<Finding> findings) {
	}

	/** A risk, recommendation or disputed belief that holds, and the steps that lead to it. */
	record Finding(String id, String title, String strength, String explanation, List<Step> why) {
	}

	/**
	 * One rule firing in an explanation.
	 * @param strength the rule's own strength: how firmly the paper makes this claim
	 * @param number the step's number within its finding's explanation, from 1
	 * @param concludes the title of what the rule concludes
	 */
	record Step(int number, String ruleId, String claim, String strength, String section, String quote,
			String concludes, List<Reason> because) {
	}

	/**
	 * A premise of a step: a condition and its answer, or a conclusion and whether it holds, with the earlier steps
	 * that establish it (none for a condition, or a conclusion that must not hold).
	 */
	record Reason(String subject, String value, List<Integer> steps) {

		public boolean fromSteps() {
			return !this.steps.isEmpty();
		}

		/** "step 2" or "steps 2, 3". */
		public String stepsText() {
			return ((this.steps.size() == 1) ? "step " : "steps ")
					+ String.join(", ", this.steps.stream().map(String::valueOf).toList());
		}

	}

	record NeverRecommended(String title, String reason, String section, String quote) {
	}

	/**
	 * A risk or recommendation that does not hold.
	 * @param kind "Risk" or "Recommendation"
	 * @param audience whom a recommendation is for; {@code null} for a risk
	 * @param unmet per rule that could conclude it, what it needs and does not get
	 */
	record NotApplying(String kind, String title, String audience, List<Unmet> unmet) {
	}

	/** A rule that could have concluded something, and what it needs that it does not get, in words. */
	record Unmet(String ruleId, String needs) {
	}

	public long conditionCount() {
		return this.conditions.stream().mapToLong((g) -> g.lines().size()).sum();
	}

	public long changedCount() {
		return this.conditions.stream().flatMap((g) -> g.lines().stream()).filter(ConditionLine::changed).count();
	}

	/** Every finding the report explains: risks, recommendations and disputed beliefs. */
	Stream<Finding> findings() {
		return Stream.of(this.risks.stream(), this.recommendations.stream().flatMap((g) -> g.findings().stream()),
				this.disputed.stream()).flatMap((s) -> s);
	}

	static AdviceReport of(RulePack pack, AdviceView advice, ScenarioBasis basis, String liveLink,
			ZonedDateTime generated) {
		PackDescriptor d = pack.descriptor();
		Header header = new Header(TITLE, d.title(), d.version(), d.citation(), CITE_AS, GENERATED.format(generated.withZoneSameInstant(java.time.ZoneOffset.UTC)),
				liveLink, basis(basis), advice.risks().size(), advice.recommendationCount());
		List<StrengthNote> strengths = STRONGEST_FIRST.stream().map((s) -> new StrengthNote(s.label(), s.meaning()))
			.toList();
		Map<String, List<ConditionLine>> byTheme = new LinkedHashMap<>();
		for (AdviceView.ChosenCondition c : advice.conditions()) {
			byTheme.computeIfAbsent(pack.themeTitle(c.condition().theme()), (k) -> new ArrayList<>())
				.add(conditionLine(c));
		}
		List<ConditionGroup> conditions = byTheme.entrySet().stream()
			.map((e) -> new ConditionGroup(e.getKey(), List.copyOf(e.getValue())))
			.toList();
		List<AudienceGroup> recommendations = advice.recommendationsByAudience().entrySet().stream()
			.map((e) -> new AudienceGroup(e.getKey(), findings(e.getValue())))
			.toList();
		List<NeverRecommended> never = d.neverRecommended().stream()
			.map((n) -> new NeverRecommended(n.title(), n.reason(), n.source(), n.quote()))
			.toList();
		List<NotApplying> notApplying = new ArrayList<>();
		advice.absentRisks().forEach((a) -> notApplying.add(notApplying(a)));
		advice.absentRecommendations().forEach((a) -> notApplying.add(notApplying(a)));
		return new AdviceReport(header, strengths, conditions, findings(advice.risks()), recommendations,
				findings(advice.disputed()), never, notApplying);
	}

	private static String basis(ScenarioBasis basis) {
		if (basis == null) {
			return null;
		}
		// In the result page's words.
		String title = "“" + basis.scenario().title() + "”";
		if (basis.exact()) {
			return "These are the conditions of the scenario " + title;
		}
		return "Started from the scenario " + title + "; "
				+ ((basis.differences() == 1) ? "one answer differs" : basis.differences() + " answers differ")
				+ " from it";
	}

	private static ConditionLine conditionLine(AdviceView.ChosenCondition c) {
		ConditionDef def = c.condition();
		return new ConditionLine(def.question(), c.valueLabel(), c.changed(), def.labelOf(def.defaultValue()));
	}

	private static List<Finding> findings(List<AdviceView.FindingView> views) {
		return views.stream().map(AdviceReport::finding).toList();
	}

	private static Finding finding(AdviceView.FindingView view) {
		return new Finding(view.conclusion().id(), view.conclusion().title(), view.strength().label(),
				view.conclusion().explanation(), new Chain().steps(view));
	}

	private static NotApplying notApplying(AdviceView.AbsenceView absence) {
		boolean risk = absence.conclusion().kind() == ConclusionKind.RISK;
		List<Unmet> unmet = absence.attempts().stream()
			.map((a) -> new Unmet(a.rule().id(), String.join("; ", a.unmet().stream().map(AdviceReport::unmet).toList())))
			.toList();
		return new NotApplying(risk ? "Risk" : "Recommendation", absence.conclusion().title(),
				risk ? null : absence.conclusion().audience(), unmet);
	}

	private static String unmet(AdviceView.PremiseView p) {
		if (p.premise().isCondition()) {
			return p.subject() + " needs " + p.expected() + "; here " + p.actual();
		}
		return p.subject() + " " + p.actual();
	}

	/** Flattens a finding's tree of derivations into numbered steps, each rule once, premises before conclusions. */
	private static final class Chain {

		private final List<Step> steps = new ArrayList<>();

		/** The step numbers that establish each conclusion; empty while it is being worked out (a cycle). */
		private final Map<String, List<Integer>> stepsOf = new HashMap<>();

		List<Step> steps(AdviceView.FindingView finding) {
			visit(finding);
			return List.copyOf(this.steps);
		}

		private List<Integer> visit(AdviceView.FindingView finding) {
			String id = finding.conclusion().id();
			List<Integer> known = this.stepsOf.get(id);
			if (known != null) {
				return known;
			}
			this.stepsOf.put(id, List.of());
			for (AdviceView.DerivationView d : finding.derivations()) {
				for (AdviceView.PremiseView p : d.premises()) {
					if (p.because() != null) {
						visit(p.because());
					}
				}
			}
			List<Integer> mine = new ArrayList<>();
			for (AdviceView.DerivationView d : finding.derivations()) {
				int number = this.steps.size() + 1;
				List<Reason> because = d.premises().stream().map(this::reason).toList();
				this.steps.add(new Step(number, d.rule().id(), d.rule().claim(), d.rule().strength().label(),
						d.rule().source(), d.rule().quote(), finding.conclusion().title(), because));
				mine.add(number);
			}
			this.stepsOf.put(id, List.copyOf(mine));
			return mine;
		}

		private Reason reason(AdviceView.PremiseView p) {
			List<Integer> from = (p.because() != null)
					? this.stepsOf.getOrDefault(p.because().conclusion().id(), List.of()) : List.of();
			return new Reason(p.subject(), p.actual(), from);
		}

	}

}
