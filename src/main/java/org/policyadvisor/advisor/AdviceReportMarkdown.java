package org.policyadvisor.advisor;

import java.util.ArrayList;
import java.util.List;

import org.policyadvisor.report.Markdown;
import org.policyadvisor.report.Markdown.Inline;

import static org.policyadvisor.report.Markdown.bold;
import static org.policyadvisor.report.Markdown.italic;
import static org.policyadvisor.report.Markdown.join;
import static org.policyadvisor.report.Markdown.text;

/** A single result's report as Markdown, section for section as its PDF template ({@code report/advice}). */
final class AdviceReportMarkdown {

	private AdviceReportMarkdown() {
	}

	static String write(AdviceReport report) {
		Markdown md = new Markdown();
		AdviceReport.Header h = report.header();
		md.heading(1, h.title());
		md.paragraph(text("Rule pack "), italic(h.packTitle()), text(", version " + h.packVersion() + ". Source: "),
				text(h.citation()));
		md.paragraph(text("Generated " + h.generated() + ". "), Markdown.link("Open this result live", h.liveLink()),
				text("."));
		if (h.basis() != null) {
			md.paragraph(text(h.basis() + "."));
		}
		md.paragraph(bold(h.summary()),
				text(" apply under these conditions."));
		md.paragraph("Strength carries the paper's own hedging, and a chain is only as strong as its weakest step:");
		md.bullets(report.strengths().stream().map((s) -> join(bold(s.label()), text(": " + s.meaning()))).toList());

		md.heading(2, "Risks");
		if (report.risks().isEmpty()) {
			md.paragraph("No risk from the paper arises under these conditions.");
		}
		report.risks().forEach((f) -> finding(md, 3, "", f, "Why this applies"));

		md.heading(2, "Recommendations");
		if (report.recommendations().isEmpty()) {
			md.paragraph("No recommendation of the paper applies under these conditions.");
		}
		for (AdviceReport.AudienceGroup group : report.recommendations()) {
			md.heading(3, "For " + group.audience());
			group.findings().forEach((f) -> finding(md, 4, "", f, "Why this is recommended"));
		}

		if (!report.disputed().isEmpty()) {
			md.heading(2, "Beliefs in this scenario that the paper disputes");
			md.paragraph("Your conditions express these beliefs. The paper argues against them; here is why.");
			report.disputed().forEach((f) -> finding(md, 3, "The paper disputes: ", f, "Where the paper says so"));
		}

		if (!report.neverRecommended().isEmpty()) {
			md.heading(2, "What the paper never recommends");
			md.paragraph("Whatever the conditions, the advisor will not recommend these; the paper argues against them.");
			for (AdviceReport.NeverRecommended n : report.neverRecommended()) {
				md.heading(3, n.title());
				md.paragraph(n.reason());
				md.quote(quote(n.quote(), n.section()));
			}
		}

		if (!report.notApplying().isEmpty()) {
			md.heading(2, "What does not apply");
			md.paragraph("The risks and recommendations of the paper that do not follow here, with what each rule "
					+ "that could conclude them lacks.");
			md.bullets(report.notApplying().stream().map(AdviceReportMarkdown::notApplying).toList());
		}

		md.heading(2, "Your conditions");
		md.paragraph(text(report.changedCount() + " of " + report.conditionCount()
				+ " answers changed from the early-2019 situation the paper describes; they are marked "),
				bold("changed"), text("."));
		for (AdviceReport.ConditionGroup group : report.conditions()) {
			md.heading(3, group.theme());
			md.table(List.of("Question", "Answer"), group.lines().stream().map((c) -> {
				Inline answer = c.changed() ? join(bold(c.answer()), text(" — "), bold("changed"),
						text(" (early 2019: " + c.defaultAnswer() + ")")) : text(c.answer());
				return List.of(text(c.question()), answer);
			}).toList());
		}
		return md.toString();
	}

	private static void finding(Markdown md, int level, String prefix, AdviceReport.Finding f, String why) {
		md.heading(level, prefix + f.title() + " (" + f.strength() + ")");
		md.paragraph(f.explanation());
		md.paragraph(bold(why + ":"));
		md.numbered(f.why().stream().map((s) -> step(s, f.title())).toList());
	}

	private static Markdown step(AdviceReport.Step s, String findingTitle) {
		Markdown item = new Markdown();
		item.paragraph(bold(s.ruleId()), text(" " + s.claim() + " "), italic("(" + s.strength() + ")"));
		item.quote(quote(s.quote(), s.section()));
		List<Inline> because = new ArrayList<>();
		for (AdviceReport.Reason r : s.because()) {
			because.add(r.fromSteps() ? join(text(r.subject() + " ("), text(r.stepsText() + ")"))
					: join(text(r.subject() + " "), bold(r.value())));
		}
		List<Inline> line = new ArrayList<>();
		line.add(text("Because: "));
		for (int i = 0; i < because.size(); i++) {
			line.add((i == 0) ? because.get(i) : join(text("; "), because.get(i)));
		}
		line.add(text("."));
		if (!s.concludes().equals(findingTitle)) {
			line.add(text(" So: "));
			line.add(italic(s.concludes()));
			line.add(text("."));
		}
		item.paragraph(line.toArray(Inline[]::new));
		return item;
	}

	private static Inline quote(String quote, String section) {
		return text("“" + quote + "” — " + AdviceReport.CITE_AS + ", " + section);
	}

	private static Inline notApplying(AdviceReport.NotApplying n) {
		String who = (n.audience() != null) ? " (for " + n.audience() + ")" : "";
		String unmet = String.join(" · ", n.unmet().stream().map((u) -> u.ruleId() + ": " + u.needs()).toList());
		return join(text(n.kind() + who + ": "), bold(n.title()), text(". " + unmet + "."));
	}

}
