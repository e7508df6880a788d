package org.policyadvisor.exercise;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;
import org.policyadvisor.engine.TestPacks;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exercise replayed through the shipped rules, and its timeline as model, SVG and PNG, on a case read from the
 * DRL: R0.08 ("Low oil prices could bring economic collapse…", possible) concludes
 * {@code risk_economic_collapse} when {@code oil_price} is low and {@code leadership_oil_price_dependent} holds, as it
 * does in early 2019. Turn 1 sets the oil price low; turn 2 puts it back.
 */
class TimelineTests {

	private static final String RISK = "risk_economic_collapse";

	private static RulePack pack;

	private static ExerciseReplay replay;

	private static ExerciseRun run;

	private static Timeline timeline;

	@BeforeAll
	static void playTwoTurns() {
		RuleBase rules = TestPacks.shipped();
		pack = rules.pack();
		replay = new ExerciseReplay(rules);
		Instant at = Instant.parse("2026-05-01T10:00:00Z");
		Exercise exercise = new Exercise("AAAAAAAAAAAAAAAA", "Oil shock", "", "Early 2019", pack.defaults(), "1.0.0",
				at, at,
				List.of(new Exercise.Turn(1, "Oil price crash", at,
						List.of(new Exercise.Inject("oil_price", "low", "Brent falls below $40"),
								new Exercise.Inject("western_engagement", "high", "EU summit"))),
						new Exercise.Turn(2, "Prices recover", at,
								List.of(new Exercise.Inject("oil_price", "medium", "OPEC deal")))));
		run = replay.replay(exercise);
		timeline = Timeline.of(pack, run);
	}

	@Test
	void theStateAfterEachTurnIsTheStartWithTheInjectsSoFarApplied() {
		assertThat(run.steps()).hasSize(3);
		assertThat(run.notices()).isEmpty();
		assertThat(run.start().conditions()).isEqualTo(pack.defaults());
		assertThat(run.steps().get(1).conditions()).containsEntry("oil_price", "low")
			.containsEntry("western_engagement", "high");
		assertThat(run.steps().get(2).conditions()).containsEntry("oil_price", "medium")
			.containsEntry("western_engagement", "high");
		assertThat(run.steps().get(1).injects().get(0).from()).isEqualTo("medium");
		assertThat(run.steps().get(1).injects().get(0).toLabel()).isEqualTo("Low");
	}

	@Test
	void theRiskAppearsAtTurnOneCausedByTheOilPriceInjectAloneThroughRuleR008() {
		assertThat(run.start().holding()).doesNotContainKey(RISK);
		ExerciseRun.Appeared appeared = run.steps().get(1).appeared().stream()
			.filter((a) -> a.conclusion().id().equals(RISK)).findFirst().orElseThrow();
		assertThat(appeared.finding().strength()).isEqualTo(Strength.POSSIBLE);
		// The other inject of the turn, Western engagement, has nothing to do with it.
		assertThat(appeared.causes()).extracting((c) -> c.condition().id()).containsExactly("oil_price");
		assertThat(appeared.jointly()).isFalse();
		assertThat(appeared.finding().derivations()).extracting((d) -> d.rule().id()).contains("R0.08");
	}

	@Test
	void theRiskEndsAtTurnTwoWithWhyItNoLongerHolds() {
		ExerciseRun.Ended ended = run.steps().get(2).ended().stream()
			.filter((e) -> e.conclusion().id().equals(RISK)).findFirst().orElseThrow();
		assertThat(ended.before()).isEqualTo(Strength.POSSIBLE);
		assertThat(ended.causes()).extracting((c) -> c.condition().id()).containsExactly("oil_price");
		assertThat(ended.absence().attempts()).anySatisfy((a) -> {
			assertThat(a.rule().id()).isEqualTo("R0.08");
			assertThat(a.unmet()).extracting((p) -> p.premise().id()).containsExactly("oil_price");
		});
	}

	@Test
	void theChartHasARowForTheRiskThatIsEmptyThenNewThenEnded() {
		assertThat(timeline.columns()).extracting(Timeline.Column::label).containsExactly("Start", "Turn 1", "Turn 2");
		Timeline.Row row = row(RISK);
		assertThat(row.kind()).isEqualTo(ConclusionKind.RISK);
		assertThat(row.cells()).containsExactly(new Timeline.Cell(null, Timeline.Mark.NONE),
				new Timeline.Cell(Strength.POSSIBLE, Timeline.Mark.APPEARED),
				new Timeline.Cell(null, Timeline.Mark.ENDED));
		assertThat(row.cells()).extracting(Timeline.Cell::symbol).containsExactly("–", "▲ possible", "▼ ended");
		assertThat(row.cells().get(1).words()).isEqualTo("possible, new at this turn");
	}

	@Test
	void theChartHasOneRowPerRiskAndRecommendationThatHoldsAtAnyTurnRisksFirst() {
		java.util.Set<String> everHeld = new java.util.HashSet<>();
		run.steps().forEach((s) -> everHeld.addAll(s.holding().keySet()));
		assertThat(timeline.rows()).extracting((r) -> r.conclusion().id()).containsExactlyInAnyOrderElementsOf(everHeld);
		assertThat(timeline.rows()).extracting(Timeline.Row::kind)
			.isSortedAccordingTo(java.util.Comparator.naturalOrder())
			.containsOnly(ConclusionKind.RISK, ConclusionKind.RECOMMENDATION);
		// Within risks, those that hold from the start come before the one that appears at turn 1.
		List<String> risks = timeline.risks().stream().map((r) -> r.conclusion().id()).toList();
		assertThat(risks.get(risks.size() - 1)).isEqualTo(RISK);
		for (Timeline.Row r : timeline.rows()) {
			for (int i = 0; i < r.cells().size(); i++) {
				assertThat(r.cells().get(i).strength()).isEqualTo(run.steps().get(i).holding().get(r.conclusion().id()));
			}
		}
	}

	@Test
	void theSvgShowsTheRiskAtTheTurnItAppearsAndIsWellFormedAndNamed() throws Exception {
		String svg = TimelineSvg.render(new TimelineLayout(timeline), "Timeline: <Oil & gas>", "What it shows");
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new InputSource(new StringReader(svg)));
		var xpath = XPathFactory.newInstance().newXPath();
		String cells = "//*[@data-conclusion='" + RISK + "']/*[@class='timeline-cell']";
		NodeList statuses = (NodeList) xpath.evaluate(cells + "/@data-status", doc, XPathConstants.NODESET);
		assertThat(statuses.getLength()).isEqualTo(3);
		assertThat(List.of(statuses.item(0).getNodeValue(), statuses.item(1).getNodeValue(),
				statuses.item(2).getNodeValue())).containsExactly("none", "appeared-possible", "ended");
		assertThat(xpath.evaluate(cells + "[@data-turn='1']/*[local-name()='text']", doc)).isEqualTo("▲ possible");
		assertThat(xpath.evaluate(cells + "[@data-turn='1']/*[local-name()='title']", doc))
			.isEqualTo("Turn 1: possible, new at this turn");
		assertThat(xpath.evaluate("/*/@role", doc)).isEqualTo("img");
		assertThat(xpath.evaluate("/*/*[local-name()='title']", doc)).isEqualTo("Timeline: <Oil & gas>");
		assertThat(svg).contains("Timeline: &lt;Oil &amp; gas&gt;").doesNotContain("style=");
		// The row's label is the risk's title, wrapped.
		NodeList label = (NodeList) xpath.evaluate("//*[@data-conclusion='" + RISK + "']/*[local-name()='text']", doc,
				XPathConstants.NODESET);
		List<String> lines = new java.util.ArrayList<>();
		for (int i = 0; i < label.getLength(); i++) {
			lines.add(label.item(i).getTextContent());
		}
		assertThat(lines).hasSizeGreaterThan(1);
		assertThat(String.join(" ", lines)).isEqualTo(pack.conclusion(RISK).orElseThrow().title());
	}

	@Test
	void thePngShowsTheRiskAtTheTurnItAppearsAndNotBefore() throws Exception {
		TimelineLayout layout = new TimelineLayout(timeline);
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(TimelinePng.render(layout)));
		double scale = TimelinePng.scale(layout);
		assertThat(scale).isEqualTo(TimelinePng.MAX_SCALE);
		assertThat(png.getWidth()).isEqualTo((int) Math.ceil(layout.width() * scale));
		assertThat(png.getHeight()).isEqualTo((int) Math.ceil(layout.height() * scale));
		TimelineLayout.PlacedRow row = layout.rows().stream()
			.filter((r) -> r.row().conclusion().id().equals(RISK)).findFirst().orElseThrow();
		TimelinePalette.Style possible = TimelinePalette.style(ConclusionKind.RISK,
				new Timeline.Cell(Strength.POSSIBLE, Timeline.Mark.NONE));
		int hatch = Integer.parseInt(possible.hatch().substring(1), 16);
		assertThat(share(png, row.cells().get(0).box(), hatch)).as("hatch at the start").isZero();
		assertThat(share(png, row.cells().get(1).box(), hatch)).as("hatch at turn 1").isGreaterThan(0.15);
		assertThat(share(png, row.cells().get(2).box(), hatch)).as("hatch at turn 2").isZero();
	}

	@Test
	void aTurnThatChangesNothingSaysSo() {
		Instant at = Instant.parse("2026-05-01T10:00:00Z");
		// The early-2019 oil price is medium; high changes no risk or recommendation.
		Exercise exercise = new Exercise("AAAAAAAAAAAAAAAA", "Quiet", "", "Early 2019", pack.defaults(), "1.0.0", at,
				at, List.of(new Exercise.Turn(1, "Prices rise", at,
						List.of(new Exercise.Inject("oil_price", "high", "")))));
		ExerciseRun quiet = replay.replay(exercise);
		assertThat(quiet.steps().get(1).holding()).isEqualTo(quiet.start().holding());
		assertThat(quiet.steps().get(1).changedNothing()).isTrue();
	}

	@Test
	void injectsThePackNoLongerHasAreLeftOutWithANotice() {
		Instant at = Instant.parse("2026-05-01T10:00:00Z");
		Map<String, String> start = new java.util.HashMap<>(pack.defaults());
		start.put("oil_price", "astronomical");
		start.put("retired_condition", "x");
		Exercise exercise = new Exercise("AAAAAAAAAAAAAAAA", "Old", "", "Early 2019", start, "0.9.0", at, at,
				List.of(new Exercise.Turn(1, "Gone", at, List.of(new Exercise.Inject("retired_condition", "y", ""),
						new Exercise.Inject("oil_price", "low", "")))));
		ExerciseRun old = replay.replay(exercise);
		assertThat(old.start().conditions()).containsEntry("oil_price", "medium").doesNotContainKey("retired_condition");
		assertThat(old.steps().get(1).injects()).extracting((i) -> i.condition().id()).containsExactly("oil_price");
		assertThat(old.notices()).hasSize(2).anySatisfy((n) -> assertThat(n).contains("retired_condition"));
	}

	@Test
	void aLongExerciseIsDrawnSmallerButNeverBelowThePagesSize() {
		TimelineLayout wide = new TimelineLayout(new Timeline(java.util.stream.IntStream.rangeClosed(0, 20)
			.mapToObj((i) -> new Timeline.Column(i, "Turn " + i, "t")).toList(), timeline.rows().stream()
			.map((r) -> new Timeline.Row(r.conclusion(), java.util.Collections.nCopies(21, r.cells().get(0))))
			.toList()));
		double scale = TimelinePng.scale(wide);
		assertThat(scale).isGreaterThanOrEqualTo(1).isLessThan(TimelinePng.MAX_SCALE);
		assertThat(wide.width() * scale * wide.height() * scale).isLessThanOrEqualTo(TimelinePng.MAX_PIXELS * 1.01);
		TimelineLayout widest = new TimelineLayout(new Timeline(java.util.stream.IntStream.rangeClosed(0, 50)
			.mapToObj((i) -> new Timeline.Column(i, "Turn " + i, "t")).toList(), wide.timeline().rows().stream()
			.map((r) -> new Timeline.Row(r.conclusion(), java.util.Collections.nCopies(51, r.cells().get(0))))
			.toList()));
		assertThat(TimelinePng.scale(widest)).isEqualTo(1);
	}

	@Test
	void longLabelsWrapAndEndInAnEllipsis() {
		assertThat(TimelineLayout.wrap("Short title")).containsExactly("Short title");
		List<String> lines = TimelineLayout.wrap("word ".repeat(60));
		assertThat(lines).hasSize(TimelineLayout.MAX_LINES);
		assertThat(lines).allSatisfy((l) -> assertThat(l.length()).isLessThanOrEqualTo(TimelineLayout.WRAP));
		assertThat(lines.get(TimelineLayout.MAX_LINES - 1)).endsWith("…");
		assertThat(TimelineLayout.wrap("x".repeat(100))).singleElement()
			.satisfies((l) -> assertThat(l).hasSize(TimelineLayout.WRAP).endsWith("…"));
	}

	private static Timeline.Row row(String id) {
		return timeline.rows().stream().filter((r) -> r.conclusion().id().equals(id)).findFirst().orElseThrow();
	}

	/** The share of the box's inner pixels (inside its outline) within a small distance of the colour. */
	private static double share(BufferedImage png, TimelineLayout.Box box, int rgb) {
		double s = TimelinePng.MAX_SCALE;
		int matching = 0;
		int total = 0;
		for (int y = (int) ((box.y() + 4) * s); y < (box.y() + box.height() - 4) * s; y++) {
			for (int x = (int) ((box.x() + 4) * s); x < (box.x() + box.width() - 4) * s; x++) {
				int p = png.getRGB(x, y) & 0xffffff;
				total++;
				if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
						&& Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
						&& Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
					matching++;
				}
			}
		}
		return (double) matching / total;
	}

}
