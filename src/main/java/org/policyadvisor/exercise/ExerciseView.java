package org.policyadvisor.exercise;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;

/**
 * An exercise played through the rules, arranged for its pages: the run, the timeline chart as SVG and as a table,
 * and the wording of dates and versions.
 *
 * @param chartSvg the chart's markup, every text in it escaped
 * @param packChanged whether the exercise was created with another version of the rule pack
 * @param defaults the pack's early-2019 conditions, from which the links to result pages give the differences
 */
record ExerciseView(Exercise exercise, ExerciseRun run, Timeline timeline, String chartSvg, boolean packChanged,
		Map<String, String> defaults) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_INSTANT;

	static ExerciseView of(RulePack pack, ExerciseRun run) {
		Timeline timeline = Timeline.of(pack, run);
		String svg = TimelineSvg.render(new TimelineLayout(timeline), chartTitle(run.exercise()),
				timeline.summary() + " Each cell gives the strength with which a risk or recommendation holds at that "
						+ "turn; the table after the chart gives the same data as text.");
		return new ExerciseView(run.exercise(), run, timeline, svg,
				!pack.descriptor().version().equals(run.exercise().packVersion()), pack.defaults());
	}

	static String chartTitle(Exercise exercise) {
		return "Timeline of risks and recommendations: " + exercise.title();
	}

	/** A time as the pages show it: "3 May 2026, 14:05 UTC". */
	public String when(Instant instant) {
		return shown(instant);
	}

	/** A time for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return isoOf(instant);
	}

	static String isoOf(Instant instant) {
		return MACHINE.format(instant);
	}

	static String shown(Instant instant) {
		return SHOWN.format(instant);
	}

	/**
	 * The query string of the result page for a step's conditions: only those that differ from the early-2019
	 * defaults, which the result page fills in.
	 */
	public String adviceQuery(ExerciseRun.Step step) {
		org.springframework.web.util.UriComponentsBuilder query = org.springframework.web.util.UriComponentsBuilder
			.newInstance();
		step.conditions().forEach((id, value) -> {
			if (!value.equals(this.defaults.get(id))) {
				query.queryParam(id, value);
			}
		});
		String built = query.encode().build().getQuery();
		return (built != null) ? built : "";
	}

	/** An option of a turn's change list: one condition set to one value. */
	record ChangeOption(String value, String label, boolean current) {
	}

	/** A condition, with its values, as an option group. */
	record ChangeGroup(String label, List<ChangeOption> options) {
	}

	/**
	 * Every change a turn can make, a group per condition, theme by theme. The value each condition has now is marked
	 * and cannot be chosen: setting it again changes nothing.
	 */
	static List<ChangeGroup> changes(RulePack pack, Map<String, String> current) {
		List<ChangeGroup> groups = new ArrayList<>();
		for (ConditionDef def : pack.conditions()) {
			List<ChangeOption> options = def.values().stream()
				.map((v) -> new ChangeOption(def.id() + TurnForm.SEPARATOR + v.id(),
						v.id().equals(current.get(def.id())) ? v.label() + " (now)" : v.label(),
						v.id().equals(current.get(def.id()))))
				.toList();
			groups.add(new ChangeGroup(pack.themeTitle(def.theme()) + ": " + def.question(), options));
		}
		return groups;
	}

}
