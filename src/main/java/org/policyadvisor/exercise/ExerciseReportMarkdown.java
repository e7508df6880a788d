package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.List;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.report.Markdown;
import org.policyadvisor.report.Markdown.Inline;

import static org.policyadvisor.report.Markdown.bold;
import static org.policyadvisor.report.Markdown.italic;
import static org.policyadvisor.report.Markdown.join;
import static org.policyadvisor.report.Markdown.link;
import static org.policyadvisor.report.Markdown.text;

/**
 * An exercise's after-action report as Markdown, section for section as its PDF template
 * ({@code report/exercise}): both read only the {@link ExerciseReport}. The timeline is a table here, with a link to
 * the chart as PNG.
 */
final class ExerciseReportMarkdown {

	private ExerciseReportMarkdown() {
	}

	static String write(ExerciseReport report) {
		Markdown md = new Markdown();
		ExerciseReport.Header h = report.header();
		md.heading(1, ExerciseReport.TITLE + ": " + h.title());
		md.paragraph(text("Tabletop exercise, " + h.turns() + ", starting from "), bold(h.startLabel()),
				text(". Created " + h.created() + "; last changed " + h.updated() + ". Report generated "
						+ h.generated() + "."));
		md.paragraph(link("Follow the exercise", h.viewLink()), text(" · "),
				link("The timeline chart (PNG)", h.timelineLink()));
		md.paragraph(text("Rule pack "), italic(h.packTitle()), text(", version " + h.packVersion() + ". Source: "),
				text(h.citation()));
		h.notices().forEach(md::quote);
		if (!h.briefing().isEmpty()) {
			md.heading(2, "Briefing");
			h.briefingParagraphs().forEach(md::paragraph);
		}

		md.heading(2, "Timeline");
		md.paragraph(text(report.timeline().summary() + " " + ExerciseReport.TIMELINE_KEY + " The chart: "),
				link("timeline.png", h.timelineLink()), text("."));
		List<String> headers = new ArrayList<>();
		headers.add("Risk or recommendation");
		report.timeline().columns().forEach((c) -> headers.add(c.label()));
		md.table(headers, report.timeline().rows().stream().map((r) -> {
			List<Inline> cells = new ArrayList<>();
			cells.add(text(((r.kind() == ConclusionKind.RISK) ? "Risk: " : "Recommendation: ") + r.conclusion().title()));
			r.cells().forEach((c) -> cells.add(text(c.symbol())));
			return cells;
		}).toList());
		md.bullets(report.timeline().columns().stream().filter((c) -> c.number() > 0)
			.map((c) -> text(c.label() + ": " + c.title())).toList());
		md.paragraph("Strength carries the paper's own hedging, and a chain is only as strong as its weakest step:");
		md.bullets(report.strengths().stream().map((s) -> join(bold(s.label()), text(": " + s.meaning()))).toList());

		for (ExerciseReport.Section section : report.sections()) {
			section(md, section, h.citeAs());
		}
		return md.toString();
	}

	private static void section(Markdown md, ExerciseReport.Section section, String citeAs) {
		md.heading(2, section.heading());
		md.paragraph((section.start() ? "Created " : "Played ") + section.when() + ".");
		if (section.start()) {
			md.heading(3, "What holds at the start");
		}
		else {
			md.heading(3, "Injects");
			if (section.injects().isEmpty()) {
				md.paragraph("None could be applied with this version of the rule pack.");
			}
			md.bullets(section.injects().stream().map((i) -> {
				Inline line = join(text(i.question() + " " + i.from() + " → "), bold(i.to()));
				return i.note().isEmpty() ? line : line.then(text(" — "), italic(i.note()));
			}).toList());
			md.heading(3, "What changed");
			if (section.changedNothing()) {
				md.paragraph("No risk or recommendation appeared or ended: the rules fired again with the same result.");
			}
		}
		section.changes().forEach((c) -> change(md, c, citeAs));
		if (!section.start()) {
			md.heading(3, "What holds after turn " + section.number());
			List<Inline> lines = new ArrayList<>();
			section.risks().forEach((l) -> lines.add(text("Risk: " + l.title() + " (" + l.strength() + ", " + l.since()
					+ ")")));
			section.recommendations().forEach((l) -> lines.add(text("Recommendation: " + l.title() + " ("
					+ l.strength() + ", " + l.since() + ")")));
			if (lines.isEmpty()) {
				md.paragraph("No risk or recommendation holds.");
			}
			md.bullets(lines);
		}
	}

	private static void change(Markdown md, ExerciseReport.Change change, String citeAs) {
		md.heading(4, change.what() + ": " + change.title() + " (" + change.strengthText() + ")");
		if (!change.causes().isEmpty()) {
			md.paragraph(change.causes());
		}
		if (!change.why().isEmpty()) {
			md.paragraph(bold("Why it holds:"));
			md.numbered(change.why().stream().map((s) -> step(s, change.title(), citeAs)).toList());
		}
		if (!change.whyNot().isEmpty()) {
			md.paragraph(bold("Why it no longer holds:"));
			md.bullets(change.whyNot().stream()
				.map((u) -> join(bold(u.ruleId()), text(" " + u.claim() + ": " + u.needs() + ". (“" + u.quote()
						+ "” — " + citeAs + ", " + u.section() + ")")))
				.toList());
		}
	}

	private static Markdown step(ExerciseReport.Step s, String title, String citeAs) {
		Markdown item = new Markdown();
		item.paragraph(bold(s.ruleId()), text(" " + s.claim() + " "), italic("(" + s.strength() + ")"));
		item.quote(text("“" + s.quote() + "” — " + citeAs + ", " + s.section()));
		List<Inline> line = new ArrayList<>();
		line.add(text("Because: "));
		for (int i = 0; i < s.because().size(); i++) {
			ExerciseReport.Reason r = s.because().get(i);
			Inline reason = r.fromSteps() ? text(r.subject() + " (" + r.stepsText() + ")")
					: join(text(r.subject() + " "), bold(r.value()));
			line.add((i == 0) ? reason : join(text("; "), reason));
		}
		line.add(text("."));
		if (!s.concludes().equals(title)) {
			line.add(text(" So: "));
			line.add(italic(s.concludes()));
			line.add(text("."));
		}
		item.paragraph(line.toArray(Inline[]::new));
		return item;
	}

}
