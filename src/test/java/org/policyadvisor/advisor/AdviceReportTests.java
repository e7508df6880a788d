package org.policyadvisor.advisor;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;
import org.policyadvisor.engine.TestPacks;
import org.policyadvisor.report.Markdown;
import org.policyadvisor.report.TestPdfRenderer;

import static org.assertj.core.api.Assertions.assertThat;

/** The single result's report: its model, and the Markdown and PDF made from it. */
class AdviceReportTests {

	private static final RuleBase RULES = TestPacks.shipped();

	private static final RulePack PACK = RULES.pack();

	private static final ZonedDateTime GENERATED = ZonedDateTime.of(2019, 3, 1, 12, 30, 0, 0, ZoneOffset.UTC);

	private static final List<Extension> TABLES = List.of(TablesExtension.create());

	/** The early-2019 report's PDF text, laid out once for the tests that read it. */
	private static String defaultPdfText;

	static AdviceReport report(Map<String, String> given, String scenarioId) {
		Scenario scenario = (scenarioId != null) ? PACK.scenario(scenarioId).orElseThrow() : null;
		ConditionValidator.Result input = ConditionValidator.validate(PACK,
				AdvisorController.startingFrom(scenario, given), false);
		assertThat(input.errors()).isEmpty();
		return AdviceReport.of(PACK, AdviceView.of(PACK, RULES.evaluate(input.values())),
				ScenarioBasis.of(PACK, scenario, input.values()),
				"http://localhost/advice?" + AdvisorController.query(input.values()), GENERATED);
	}

	static String html(String markdown) {
		return HtmlRenderer.builder().extensions(TABLES).build()
			.render(Parser.builder().extensions(TABLES).build().parse(markdown));
	}

	/** The Markdown as a reader sees it: rendered, then as plain text with whitespace runs as one space. */
	static String readable(String markdown) {
		return oneLine(TextContentRenderer.builder().extensions(TABLES).build()
			.render(Parser.builder().extensions(TABLES).build().parse(markdown)));
	}

	/** The PDF's text as one line; a line broken after a hyphen ("Russian-|educated") is joined again. */
	static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return oneLine(new PDFTextStripper().getText(document).replaceAll("-[ \\t]*\\R[ \\t]*", "-"));
		}
	}

	static String oneLine(String text) {
		return text.replaceAll("\\s+", " ");
	}

	static synchronized String defaultPdfText() throws IOException {
		if (defaultPdfText == null) {
			defaultPdfText = pdfText(TestPdfRenderer.shared()
				.render(AdviceReportController.TEMPLATE_PDF, Map.of("report", report(Map.of(), null))));
		}
		return defaultPdfText;
	}

	@Nested
	class Model {

		@Test
		void everyStepBuildsOnlyOnEarlierStepsAndTheLastConcludesTheFindingItself() {
			AdviceReport report = report(Map.of("oil_price", "low"), null);
			assertThat(report.findings().count()).isGreaterThan(10);
			report.findings().forEach((f) -> {
				assertThat(f.why()).as(f.id()).isNotEmpty();
				for (AdviceReport.Step s : f.why()) {
					assertThat(s.number()).isEqualTo(f.why().indexOf(s) + 1);
					s.because().forEach((r) -> assertThat(r.steps()).as(f.id() + " step " + s.number())
						.allSatisfy((n) -> assertThat(n).isBetween(1, s.number() - 1)));
				}
				assertThat(f.why().get(f.why().size() - 1).concludes()).isEqualTo(f.title());
			});
		}

		@Test
		void eachRuleIsExplainedOnceWithinAFinding() {
			report(Map.of(), null).findings().forEach((f) -> {
				List<String> pairs = f.why().stream().map((s) -> s.ruleId() + " " + s.concludes()).toList();
				assertThat(pairs).as(f.id()).doesNotHaveDuplicates();
			});
		}

		@Test
		void countsAndMarksTheConditionsChangedFromEarly2019() {
			AdviceReport report = report(Map.of("oil_price", "low", "deportation_threat", "true"), null);
			assertThat(report.conditionCount()).isEqualTo(PACK.conditions().size());
			assertThat(report.changedCount()).isEqualTo(2);
			assertThat(report.conditions()).extracting(AdviceReport.ConditionGroup::theme)
				.startsWith("The West").contains("Economy");
		}

		@Test
		void namesTheScenarioAndHowFarTheConditionsHaveMovedFromIt() {
			assertThat(report(Map.of(), "what-if-oil-price-collapse").header().basis())
				.isEqualTo("These are the conditions of the scenario “"
						+ PACK.scenario("what-if-oil-price-collapse").orElseThrow().title() + "”");
			assertThat(report(Map.of("western_engagement", "high"), "what-if-oil-price-collapse").header().basis())
				.startsWith("Started from the scenario “").endsWith("”; one answer differs from it");
		}

	}

	@Nested
	class AsMarkdown {

		@Test
		void hasTheSectionsOfTheResultPageInItsOrder() {
			String md = AdviceReportMarkdown.write(report(Map.of(), null));
			List<String> headings = List.of("# Policy advice\n", "\n## Risks\n", "\n## Recommendations\n",
					"\n## Beliefs in this scenario that the paper disputes\n", "\n## What the paper never recommends\n",
					"\n## What does not apply\n", "\n## Your conditions\n");
			int from = -1;
			for (String heading : headings) {
				int at = md.indexOf(heading);
				assertThat(at).as(heading).isGreaterThan(from);
				from = at;
			}
			assertThat(md).contains("Generated 1 March 2019, 12:30 UTC. [Open this result live](<http://localhost/advice?")
				.contains("Source: Shiriyev, Z. (2019), Azerbaijan's Relations with Russia");
		}

		@Test
		void explainsAKnownRiskWithItsRulesClaimSectionAndQuoteDownToTheConditions() {
			RuleDef rule = PACK.rule("R1.05").orElseThrow();
			String md = AdviceReportMarkdown.write(report(Map.of(), null));
			assertThat(md).contains("### Moscow treats the South Caucasus as its sphere of influence (asserted)\n")
				.contains("1. **R1.05** " + Markdown.escape(rule.claim()) + " *(asserted)*\n")
				.contains("   > " + Markdown.escape("“" + rule.quote() + "” — Shiriyev (2019), " + rule.source()) + "\n")
				.contains("   Because: How engaged are Western governments, above all the US, in South Caucasus "
						+ "affairs? **Low**; How assertively does Russia project power in the South Caucasus? **High**.");
		}

		@Test
		void aStepThatBuildsOnAnotherNamesItsNumber() {
			String md = AdviceReportMarkdown.write(report(Map.of(), null));
			assertThat(md).contains("3. **R3.21** ")
				.contains("Because: Military pressure on Armenia is Baku's only alternative to stalled talks (step 1); "
						+ "Russia holds a privileged role in the Karabakh negotiations (step 2).");
		}

		@Test
		void marksTheChangedConditionsWithTheirEarly2019Answers() {
			String md = AdviceReportMarkdown.write(report(Map.of("oil_price", "low"), null));
			assertThat(md).contains("1 of " + PACK.conditions().size() + " answers changed")
				.contains("| What is the level of world oil prices? | **Low** — **changed** (early 2019: Medium) |")
				.contains("| How engaged are Western governments, above all the US, in South Caucasus affairs? | Low |");
		}

		@Test
		void listsWhatDoesNotApplyWithTheRulesThatCouldConcludeIt() {
			String md = AdviceReportMarkdown.write(report(Map.of(), null));
			assertThat(md).containsPattern(
					"- Risk: \\*\\*Economic collapse pitches the country into chaos and boosts Russia's influence\\*\\*\\. "
							+ "R[0-9.]+: What is the level of world oil prices\\? needs Low; here Medium");
			assertThat(AdviceReportMarkdown.write(report(Map.of("oil_price", "low"), null)))
				.doesNotContain("- Risk: **Economic collapse pitches the country into chaos");
		}

		@Test
		void listsEverythingThePaperNeverRecommends() {
			String md = AdviceReportMarkdown.write(report(Map.of(), null));
			PACK.descriptor().neverRecommended().forEach((n) -> assertThat(md)
				.contains("### " + Markdown.escape(n.title()) + "\n").contains(Markdown.escape(n.quote())));
		}

		@Test
		void parsesIntoOneHeadingPerFindingAndOneTablePerTheme() {
			AdviceReport report = report(Map.of("oil_price", "low"), null);
			String html = html(AdviceReportMarkdown.write(report));
			assertThat(count(html, "<h1>")).isEqualTo(1);
			assertThat(count(html, "<table>")).isEqualTo(report.conditions().size());
			assertThat(count(html, "<td>")).isEqualTo(2 * PACK.conditions().size());
			assertThat(count(html, "<h3>") + count(html, "<h4>")).isEqualTo((int) report.findings().count()
					+ report.recommendations().size() + report.neverRecommended().size() + report.conditions().size());
			assertThat(count(html, "<blockquote>")).isEqualTo(
					report.findings().mapToInt((f) -> f.why().size()).sum() + report.neverRecommended().size());
		}

		@Test
		void textFromThePackCannotBreakTheStructure() {
			String hostile = "<script>alert(1)</script> | *bold* _x_ # [a](javascript:b)\n## injected";
			String html = html(AdviceReportMarkdown.write(hostileReport(hostile)));
			assertThat(html).doesNotContain("<script>").doesNotContain("<em>bold").doesNotContain("<h2>injected")
				.doesNotContain("href=\"javascript");
			String shown = MarkdownText.html(oneLine(hostile));
			assertThat(html).contains("<h3>" + shown + " (likely)</h3>")
				.contains("<td>" + shown + "</td>\n<td>" + shown + "</td>")
				.contains("<blockquote>\n<p>“" + shown + "” — Shiriyev (2019), " + shown + "</p>\n</blockquote>");
			assertThat(count(html, "<h2>")).isEqualTo(6);
		}

	}

	@Nested
	class AsPdf {

		@Test
		void isTitledAndHoldsTheKeyContent() throws IOException {
			byte[] pdf = TestPdfRenderer.shared()
				.render(AdviceReportController.TEMPLATE_PDF, Map.of("report", report(Map.of("oil_price", "low"), null)));
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(document.getNumberOfPages()).isGreaterThan(1);
				assertThat(document.getDocumentInformation().getTitle()).isEqualTo(
						"Policy advice · Azerbaijan's relations with Russia: closer by default? · 1 March 2019, 12:30 UTC");
				assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			}
			RuleDef rule = PACK.rule("R1.05").orElseThrow();
			assertThat(pdfText(pdf)).contains("Policy advice", "Risks", "Recommendations", "Your conditions")
				.contains("Moscow treats the South Caucasus as its sphere of influence asserted")
				.contains("R1.05 " + rule.claim() + " (asserted)")
				.contains("“" + rule.quote() + "” — Shiriyev (2019), " + rule.source())
				.contains("What is the level of world oil prices? Low — changed (early 2019: Medium)")
				.contains("Economic collapse pitches the country into chaos and boosts Russia's influence");
		}

		@Test
		void saysWhatTheMarkdownSaysFindingForFindingAndStepForStep() throws IOException {
			AdviceReport report = report(Map.of(), null);
			String md = readable(AdviceReportMarkdown.write(report));
			String pdf = defaultPdfText();
			List<String> expected = new ArrayList<>();
			report.findings().forEach((f) -> {
				expected.add(f.title());
				expected.add(oneLine(f.explanation()));
				f.why().forEach((s) -> {
					expected.add(s.ruleId() + " " + s.claim());
					expected.add("“" + oneLine(s.quote()) + "”");
				});
			});
			report.neverRecommended().forEach((n) -> expected.add(oneLine(n.reason())));
			report.notApplying().forEach((n) -> expected.add(n.title()));
			assertThat(expected).hasSizeGreaterThan(100).allSatisfy((text) -> {
				assertThat(md).contains(text);
				assertThat(pdf).contains(text);
			});
			assertThat(ruleIds(pdf)).isEqualTo(ruleIds(md));
		}

		@Test
		void textFromThePackPrintsAsItIs() throws IOException {
			String hostile = "<script>alert(1)</script> | *bold* & “Gəncə” – done";
			String pdf = pdfText(TestPdfRenderer.shared()
				.render(AdviceReportController.TEMPLATE_PDF, Map.of("report", hostileReport(hostile))));
			assertThat(pdf).contains(hostile + " likely").contains("“" + hostile + "” — Shiriyev (2019), " + hostile);
		}

	}

	/** A report with the given text wherever the pack's text goes. */
	private static AdviceReport hostileReport(String text) {
		AdviceReport.Header header = new AdviceReport.Header(AdviceReport.TITLE, text, "1", text, AdviceReport.CITE_AS,
				"1 March 2019, 12:30 UTC", "http://localhost/advice?x=1", text, 1, 0);
		AdviceReport.Step step = new AdviceReport.Step(1, "R1.01", text, "likely", text, text, text,
				List.of(new AdviceReport.Reason(text, text, List.of())));
		AdviceReport.Finding finding = new AdviceReport.Finding("f", text, "likely", text, List.of(step));
		return new AdviceReport(header, List.of(new AdviceReport.StrengthNote("likely", text)),
				List.of(new AdviceReport.ConditionGroup(text,
						List.of(new AdviceReport.ConditionLine(text, text, false, text)))),
				List.of(finding), List.of(), List.of(finding),
				List.of(new AdviceReport.NeverRecommended(text, text, text, text)),
				List.of(new AdviceReport.NotApplying("Risk", text, null, List.of(new AdviceReport.Unmet("R1.01", text)))));
	}

	private static java.util.Set<String> ruleIds(String text) {
		java.util.Set<String> ids = new java.util.TreeSet<>();
		Matcher m = Pattern.compile("\\bR\\d+\\.\\d{2}\\b").matcher(text);
		while (m.find()) {
			ids.add(m.group());
		}
		return ids;
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	/** Text as CommonMark's HTML renderer writes it. */
	private static final class MarkdownText {

		static String html(String text) {
			return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
		}

	}

}
