package org.policyadvisor.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.advisor.AdviceView;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * An exercise's after-action report, in words, for every format it is written in (Markdown, PDF): what the pages
 * show, from the same run. Each conclusion is explained once, where it first holds (at the start or at the turn it
 * appears, or when its strength changes), as numbered steps: the rule, its claim, strength and citation, and what
 * it rests on.
 */
record ExerciseReport(Header header, List<StrengthNote> strengths, Timeline timeline, List<Section> sections) {

	static final String TITLE = "After-action report";

	static final String CITE_AS = "Shiriyev (2019)";

	/** How to read the timeline's cells, in both formats. */
	static final String TIMELINE_KEY = "Each cell gives the strength with which a risk or recommendation holds at "
			+ "that turn: ▲ new at this turn, ▼ ended at this turn, – does not hold.";

	private static final List<Strength> STRONGEST_FIRST = List.of(Strength.ASSERTED, Strength.LIKELY,
			Strength.POSSIBLE);

	/** How to read the timeline's cells. */
	public String timelineKey() {
		return TIMELINE_KEY;
	}

	/**
	 * @param generated when the report was made, in words
	 * @param viewLink the exercise's participants' view, absolute
	 * @param timelineLink the chart as PNG, absolute
	 */
	record Header(String title, String briefing, String startLabel, String packTitle, String packVersion,
			String citation, String citeAs, String created, String updated, String generated, String viewLink,
			String timelineLink, int turnCount, List<String> notices) {

		public String subject() {
			return "After-action report of the tabletop exercise “" + this.title + "”: " + turns() + " from "
					+ this.startLabel + ".";
		}

		/** "1 turn", "3 turns". */
		public String turns() {
			return ExerciseReport.turns(this.turnCount);
		}

		/** The briefing's lines, each a paragraph: participants wrote them as lines. */
		public List<String> briefingParagraphs() {
			return this.briefing.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		}

	}

	record StrengthNote(String label, String meaning) {
	}

	/** The start (number 0) or a turn. */
	record Section(int number, String heading, String when, List<InjectLine> injects, List<Change> changes,
			boolean changedNothing, List<Holding> risks, List<Holding> recommendations) {

		public boolean start() {
			return this.number == 0;
		}

	}

	record InjectLine(String question, String from, String to, String note) {
	}

	/**
	 * A conclusion explained: one that holds at the start, appeared, ended or changed strength at a turn.
	 *
	 * @param what "Risk", "New recommendation", "Risk ended"…
	 * @param strength how firmly it holds now; {@code null} when it ended
	 * @param before how firmly it held before the turn; {@code null} when it did not
	 * @param causes the injects that caused the change, in words; empty at the start
	 * @param why the steps by which it holds; empty when it ended
	 * @param whyNot for each rule that could conclude it, what it lacks now; empty unless it ended
	 */
	record Change(String what, String title, String strength, String before, String causes, List<Step> why,
			List<Unmet> whyNot) {

		/** "likely", "was likely", "likely, was possible". */
		public String strengthText() {
			if (this.strength == null) {
				return "was " + this.before;
			}
			return (this.before != null) ? this.strength + ", was " + this.before : this.strength;
		}

	}

	/** One rule of a chain of reasons, numbered within its explanation. */
	record Step(int number, String ruleId, String claim, String strength, String section, String quote,
			List<Reason> because, String concludes) {
	}

	/** A premise of a step: a condition and its value, or a conclusion and the steps that give it. */
	record Reason(String subject, String value, List<Integer> steps) {

		public boolean fromSteps() {
			return !this.steps.isEmpty();
		}

		public String stepsText() {
			List<String> numbers = this.steps.stream().map(String::valueOf).toList();
			return ((numbers.size() == 1) ? "step " : "steps ") + String.join(", ", numbers);
		}

	}

	/** A rule that could conclude something that ended, and what it lacks now. */
	record Unmet(String ruleId, String claim, String section, String quote, String needs) {
	}

	/** A risk or recommendation that holds after a turn, and since when. */
	record Holding(String title, String strength, String since) {
	}

	static ExerciseReport of(RulePack pack, ExerciseRun run, String viewLink, String timelineLink, Instant generated) {
		Exercise exercise = run.exercise();
		Header header = new Header(exercise.title(), exercise.briefing(), exercise.startLabel(),
				pack.descriptor().title(), pack.descriptor().version(), pack.descriptor().citation(), CITE_AS,
				ExerciseView.shown(exercise.createdAt()), ExerciseView.shown(exercise.updatedAt()),
				ExerciseView.shown(generated), viewLink, timelineLink, run.turns().size(), notices(pack, run));
		List<StrengthNote> strengths = STRONGEST_FIRST.stream().map((s) -> new StrengthNote(s.label(), s.meaning()))
			.toList();
		List<Section> sections = new ArrayList<>();
		Map<String, Integer> heldSince = new HashMap<>();
		for (ExerciseRun.Step step : run.steps()) {
			step.holding().keySet().forEach((id) -> heldSince.putIfAbsent(id, step.number()));
			heldSince.keySet().retainAll(step.holding().keySet());
			sections.add(section(pack, step, heldSince));
		}
		return new ExerciseReport(header, strengths, Timeline.of(pack, run), sections);
	}

	private static List<String> notices(RulePack pack, ExerciseRun run) {
		List<String> notices = new ArrayList<>();
		if (!pack.descriptor().version().equals(run.exercise().packVersion())) {
			notices.add("The exercise was created with version " + run.exercise().packVersion() + " of the rule pack "
					+ "and is replayed here with version " + pack.descriptor().version() + ".");
		}
		notices.addAll(run.notices());
		return notices;
	}

	private static Section section(RulePack pack, ExerciseRun.Step step, Map<String, Integer> heldSince) {
		List<InjectLine> injects = step.injects().stream()
			.map((i) -> new InjectLine(i.condition().question(), i.fromLabel(), i.toLabel(), i.note()))
			.toList();
		List<Change> changes = new ArrayList<>();
		if (step.isStart()) {
			step.advice().risks().forEach((f) -> changes.add(holds("Risk", f, null, "")));
			step.advice().recommendationsByAudience().values()
				.forEach((list) -> list.forEach((f) -> changes.add(holds("Recommendation", f, null, ""))));
		}
		else {
			for (ExerciseRun.Appeared a : step.appeared()) {
				changes.add(holds(risk(a.conclusion().kind()) ? "New risk" : "New recommendation", a.finding(), null,
						causes(a.causes(), a.jointly())));
			}
			for (ExerciseRun.Ended e : step.ended()) {
				changes.add(new Change(risk(e.conclusion().kind()) ? "Risk ended" : "No longer recommended",
						e.conclusion().title(), null, e.before().label(), causes(e.causes(), e.jointly()), List.of(),
						unmet(e.absence())));
			}
			for (ExerciseRun.Restrengthened r : step.restrengthened()) {
				changes.add(holds(r.stronger() ? "Firmer now" : "Less firm now", r.finding(), r.before(), ""));
			}
		}
		List<Holding> risks = new ArrayList<>();
		List<Holding> recommendations = new ArrayList<>();
		step.holding().forEach((id, strength) -> {
			var conclusion = pack.conclusion(id).orElseThrow();
			int since = heldSince.getOrDefault(id, step.number());
			Holding line = new Holding(conclusion.title(), strength.label(),
					(since == 0) ? "since the start" : "since turn " + since);
			(risk(conclusion.kind()) ? risks : recommendations).add(line);
		});
		String heading = step.isStart() ? "Start: " + step.title() : step.label() + ": " + step.title();
		return new Section(step.number(), heading, ExerciseView.shown(step.at()), injects, changes,
				!step.isStart() && step.changedNothing(), risks, recommendations);
	}

	private static boolean risk(ConclusionKind kind) {
		return kind == ConclusionKind.RISK;
	}

	private static Change holds(String what, AdviceView.FindingView finding, Strength before, String causes) {
		return new Change(what, finding.conclusion().title(), finding.strength().label(),
				(before != null) ? before.label() : null, causes, new Chain().steps(finding), List.of());
	}

	private static String causes(List<ExerciseRun.AppliedInject> causes, boolean jointly) {
		if (causes.isEmpty()) {
			return "";
		}
		String list = String.join("; ", causes.stream()
			.map((c) -> c.condition().question() + " → " + c.toLabel())
			.toList());
		if (jointly) {
			return "Caused by this turn's injects together (none of them alone): " + list + ".";
		}
		return ((causes.size() == 1) ? "Caused by the inject: " : "Caused by the injects: ") + list + ".";
	}

	private static List<Unmet> unmet(AdviceView.AbsenceView absence) {
		if (absence == null) {
			return List.of();
		}
		return absence.attempts().stream()
			.map((a) -> new Unmet(a.rule().id(), a.rule().claim(), a.rule().source(), a.rule().quote(),
					String.join("; ", a.unmet().stream().map(ExerciseReport::needs).toList())))
			.toList();
	}

	private static String needs(AdviceView.PremiseView p) {
		if (p.premise().isCondition()) {
			return p.subject() + " needs " + p.expected() + " (now " + p.actual() + ")";
		}
		return p.subject() + " " + (p.premise().negated() ? "must not hold, and holds" : "must hold, and does not");
	}

	private static String turns(int count) {
		return (count == 1) ? "1 turn" : count + " turns";
	}

	/**
	 * The reasons for a conclusion as numbered steps, premises before what rests on them, each intermediate
	 * conclusion explained once however many steps rest on it.
	 */
	private static final class Chain {

		private final List<Step> steps = new ArrayList<>();

		private final Map<String, List<Integer>> explained = new LinkedHashMap<>();

		List<Step> steps(AdviceView.FindingView finding) {
			explain(finding);
			return this.steps;
		}

		private List<Integer> explain(AdviceView.FindingView finding) {
			String id = finding.conclusion().id();
			List<Integer> known = this.explained.get(id);
			if (known != null) {
				return known;
			}
			// Marked before its premises are explained, so that a cycle of conclusions ends here.
			this.explained.put(id, List.of());
			List<Integer> numbers = new ArrayList<>();
			for (AdviceView.DerivationView d : finding.derivations()) {
				List<Reason> because = new ArrayList<>();
				for (AdviceView.PremiseView p : d.premises()) {
					if (p.because() != null) {
						because.add(new Reason(p.subject(), "holds", explain(p.because())));
					}
					else {
						because.add(new Reason(p.subject(), p.actual(), List.of()));
					}
				}
				int number = this.steps.size() + 1;
				this.steps.add(new Step(number, d.rule().id(), d.rule().claim(), d.strength().label(),
						d.rule().source(), d.rule().quote(), because, finding.conclusion().title()));
				numbers.add(number);
			}
			this.explained.put(id, numbers);
			return numbers;
		}

	}

}
