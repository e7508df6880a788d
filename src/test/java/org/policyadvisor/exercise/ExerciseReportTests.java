package org.policyadvisor.exercise;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The after-action report of the oil-price case (see {@link TimelineTests}): what it says at each turn, and its
 * Markdown, whose structure no text of the exercise can break.
 */
class ExerciseReportTests {

	private static final String TITLE = "Economic collapse pitches the country into chaos and boosts Russia's influence";

	private static RulePack pack;

	private static ExerciseReport report;

	private static String markdown;

	@BeforeAll
	static void report() {
		RuleBase rules = TestPacks.shipped();
		pack = rules.pack();
		Instant at = Instant.parse("2026-05-01T10:00:00Z");
		Exercise exercise = new Exercise("AAAAAAAAAAAAAAAA", "Oil | shock *now* <script>alert(1)</script>",
				"# Not a heading\n\n- not a list\nsecond line", "Early 2019", pack.defaults(), "1.0.0", at, at,
				List.of(new Exercise.Turn(1, "Oil price crash", at,
						List.of(new Exercise.Inject("oil_price", "low", "Brent falls below $40 | [link](javascript:x)"))),
						new Exercise.Turn(2, "Prices recover", at,
								List.of(new Exercise.Inject("oil_price", "medium", "OPEC deal")))));
		ExerciseRun run = new ExerciseReplay(rules).replay(exercise);
		report = ExerciseReport.of(pack, run, "http://localhost/exercises/AAAAAAAAAAAAAAAA",
				"http://localhost/exercises/AAAAAAAAAAAAAAAA/timeline.png", at);
		markdown = ExerciseReportMarkdown.write(report);
	}

	@Test
	void theStartExplainsEveryRiskAndRecommendationThatHolds() {
		ExerciseReport.Section start = report.sections().get(0);
		assertThat(start.start()).isTrue();
		assertThat(start.heading()).isEqualTo("Start: Early 2019");
		assertThat(start.changes()).hasSize(start.risks().size() + start.recommendations().size())
			.allSatisfy((c) -> assertThat(c.why()).isNotEmpty());
		assertThat(start.risks()).allSatisfy((h) -> assertThat(h.since()).isEqualTo("since the start"));
	}

	@Test
	void turnOneSaysWhichInjectBroughtTheRiskAndThroughWhichRulesWithCitations() {
		ExerciseReport.Section turn = report.sections().get(1);
		assertThat(turn.injects()).containsExactly(new ExerciseReport.InjectLine("What is the level of world oil prices?",
				"Medium", "Low", "Brent falls below $40 | [link](javascript:x)"));
		ExerciseReport.Change change = turn.changes().stream().filter((c) -> c.title().equals(TITLE)).findFirst()
			.orElseThrow();
		assertThat(change.what()).isEqualTo("New risk");
		assertThat(change.strength()).isEqualTo("possible");
		assertThat(change.causes()).isEqualTo("Caused by the inject: What is the level of world oil prices? → Low.");
		ExerciseReport.Step last = change.why().get(change.why().size() - 1);
		assertThat(last.ruleId()).isEqualTo("R0.08");
		assertThat(last.section()).isEqualTo("Summary");
		assertThat(last.quote()).startsWith("Economic collapse, should it occur");
		assertThat(last.because()).anySatisfy((r) -> {
			assertThat(r.subject()).isEqualTo("What is the level of world oil prices?");
			assertThat(r.value()).isEqualTo("Low");
		});
		// The intermediate conclusion it rests on is explained in an earlier step, and referred to by number.
		assertThat(last.because()).anySatisfy((r) -> assertThat(r.steps()).isNotEmpty()
			.allSatisfy((n) -> assertThat(n).isLessThan(last.number())));
		assertThat(turn.risks()).anySatisfy((h) -> {
			assertThat(h.title()).isEqualTo(TITLE);
			assertThat(h.since()).isEqualTo("since turn 1");
		});
	}

	@Test
	void turnTwoSaysWhyTheRiskEnded() {
		ExerciseReport.Change change = report.sections().get(2).changes().stream()
			.filter((c) -> c.title().equals(TITLE)).findFirst().orElseThrow();
		assertThat(change.what()).isEqualTo("Risk ended");
		assertThat(change.before()).isEqualTo("possible");
		assertThat(change.whyNot()).anySatisfy((u) -> {
			assertThat(u.ruleId()).isEqualTo("R0.08");
			assertThat(u.needs()).isEqualTo("What is the level of world oil prices? needs Low (now Medium)");
		});
		assertThat(report.sections().get(2).risks()).noneSatisfy((h) -> assertThat(h.title()).isEqualTo(TITLE));
	}

	@Test
	void theMarkdownHasTheTimelineAsATableAndTheChartAsALink() {
		assertThat(markdown).contains("| Risk or recommendation | Start | Turn 1 | Turn 2 |")
			.contains("| Risk: " + TITLE + " | – | ▲ possible | ▼ ended |")
			.contains("The chart: [timeline.png](<http://localhost/exercises/AAAAAAAAAAAAAAAA/timeline.png>).")
			.contains("- Turn 1: Oil price crash");
	}

	@Test
	void theMarkdownGivesEachTurnsInjectsChangesAndCitations() {
		assertThat(markdown).contains("## Turn 1: Oil price crash", "### Injects", "### What changed",
				"#### New risk: " + TITLE + " (possible)",
				"Caused by the inject: What is the level of world oil prices? → Low.", "**R0.08**",
				"“Economic collapse, should it occur, has the potential to pitch the country into chaos, further "
						+ "boosting Russia's influence.” — Shiriyev (2019), Summary",
				"#### Risk ended: " + TITLE + " (was possible)", "What is the level of world oil prices? needs Low (now Medium)",
				"### What holds after turn 2");
	}

	@Test
	void noTextOfTheExerciseChangesTheMarkdownsStructure() {
		assertThat(markdown).contains("version 1.0.0.");
		assertThat(markdown).startsWith("# After-action report: Oil \\| shock \\*now\\* \\<script\\>alert(1)\\</script\\>\n")
			.doesNotContain("<script>")
			.contains("\n\\# Not a heading\n", "\n\\- not a list\n", "\nsecond line\n")
			.contains("Brent falls below \\$40 \\| \\[link\\](javascript:x)")
			.doesNotContain("[link](javascript");
		// Every line of the timeline table has as many cell separators as its header.
		List<String> table = markdown.lines().filter((l) -> l.startsWith("| ")).toList();
		long columns = unescapedPipes(table.get(0));
		assertThat(table).hasSizeGreaterThan(2).allSatisfy((l) -> assertThat(unescapedPipes(l)).isEqualTo(columns));
	}

	private static long unescapedPipes(String line) {
		long count = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
				count++;
			}
		}
		return count;
	}

}
