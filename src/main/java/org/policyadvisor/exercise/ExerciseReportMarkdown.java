package org.policyadvisor.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An exercise's after-action report as Markdown (CommonMark with GitHub's tables): the same sections as the pages,
 * from the same {@link ExerciseReport}. The timeline is a table here, with a link to the chart as PNG.
 * <p>
 * Every piece of text from the exercise or the rule pack goes through {@link #text}: a title or note holding
 * {@code |}, {@code *}, {@code #} or {@code <script>} prints as it is and cannot change the document's structure.
 */
final class ExerciseReportMarkdown {

	/** Characters with a meaning somewhere in CommonMark or GitHub's extensions. */
	private static final String SPECIAL = "\\`*_[]<>#|~&$!";

	/** What would open a list, a heading or a thematic break at the start of a line. */
	private static final Pattern BLOCK_START = Pattern.compile("^([-+=]|\\d{1,9}[.)])");

	private final StringBuilder out = new StringBuilder(16_384);

	private ExerciseReportMarkdown() {
	}

	static String write(ExerciseReport report) {
		return new ExerciseReportMarkdown().document(report);
	}

	private String document(ExerciseReport report) {
		ExerciseReport.Header h = report.header();
		block("# After-action report: " + text(h.title()));
		block("Tabletop exercise, " + text(turns(h.turnCount())) + ", starting from " + bold(h.startLabel())
				+ ". Created " + text(h.created()) + "; last changed " + text(h.updated()) + ". Report generated "
				+ text(h.generated()) + ".");
		block(link("Follow the exercise", h.viewLink()) + " · " + link("The timeline chart (PNG)", h.timelineLink()));
		block("Rule pack " + italic(h.packTitle()) + ", version " + text(h.packVersion()) + ". Source: "
				+ text(h.citation()));
		for (String notice : h.notices()) {
			block("> " + text(notice));
		}
		if (!h.briefing().isEmpty()) {
			block("## Briefing");
			for (String paragraph : h.briefing().split("\\n\\s*\\n")) {
				block(String.join("  \n", paragraph.strip().lines().map(ExerciseReportMarkdown::line).toList()));
			}
		}

		block("## Timeline");
		block("![" + text("Timeline of risks and recommendations, turn by turn") + "](<" + destination(h.timelineLink())
				+ ">)");
		block(text(report.timeline().summary()) + " Each cell gives the strength with which a risk or recommendation "
				+ "holds: ▲ new at this turn, ▼ ended at this turn, – does not hold.");
		timeline(report.timeline());
		block("Strength carries the paper's own hedging, and a chain is only as strong as its weakest step:");
		block(String.join("\n", report.strengths().stream()
			.map((s) -> "- " + bold(s.label()) + ": " + text(s.meaning())).toList()));

		for (ExerciseReport.Section section : report.sections()) {
			section(section, h.citeAs());
		}
		return this.out.toString();
	}

	private void timeline(Timeline timeline) {
		List<String> header = new ArrayList<>();
		header.add("Risk or recommendation");
		timeline.columns().forEach((c) -> header.add(c.label()));
		StringBuilder table = new StringBuilder();
		table.append(row(header.stream().map(ExerciseReportMarkdown::text).toList())).append('\n');
		table.append(row(header.stream().map((x) -> "---").toList()));
		for (Timeline.Row r : timeline.rows()) {
			List<String> cells = new ArrayList<>();
			cells.add(((r.kind() == org.policyadvisor.engine.ConclusionKind.RISK) ? "Risk: " : "Recommendation: ")
					+ text(r.conclusion().title()));
			r.cells().forEach((c) -> cells.add(text(c.symbol())));
			table.append('\n').append(row(cells));
		}
		block(table.toString());
		List<String> turns = timeline.columns().stream().filter((c) -> c.number() > 0)
			.map((c) -> "- " + text(c.label()) + ": " + text(c.title())).toList();
		if (!turns.isEmpty()) {
			block(String.join("\n", turns));
		}
	}

	private void section(ExerciseReport.Section section, String citeAs) {
		block("## " + text(section.heading()));
		block((section.start() ? "Created " : "Played ") + text(section.when()) + ".");
		if (!section.start()) {
			block("### Injects");
			if (section.injects().isEmpty()) {
				block("None could be applied with this version of the rule pack.");
			}
			else {
				block(String.join("\n", section.injects().stream()
					.map((i) -> "- " + text(i.question()) + " " + text(i.from()) + " → " + bold(i.to())
							+ (i.note().isEmpty() ? "" : " — " + italic(i.note())))
					.toList()));
			}
			block("### What changed");
			if (section.changedNothing()) {
				block("No risk or recommendation appeared or ended: the rules fired again with the same result.");
			}
		}
		else {
			block("### What holds at the start");
		}
		for (ExerciseReport.Change change : section.changes()) {
			change(change, citeAs);
		}
		if (!section.start()) {
			block("### What holds after turn " + section.number());
			List<String> lines = new ArrayList<>();
			section.risks().forEach((l) -> lines.add("- Risk: " + text(l.title()) + " (" + text(l.strength()) + ", "
					+ text(l.since()) + ")"));
			section.recommendations().forEach((l) -> lines.add("- Recommendation: " + text(l.title()) + " ("
					+ text(l.strength()) + ", " + text(l.since()) + ")"));
			block(lines.isEmpty() ? "No risk or recommendation holds." : String.join("\n", lines));
		}
	}

	private void change(ExerciseReport.Change change, String citeAs) {
		String strength = (change.strength() != null) ? change.strength() : "was " + change.before();
		if (change.strength() != null && change.before() != null) {
			strength = change.strength() + ", was " + change.before();
		}
		block("#### " + text(change.what() + ": " + change.title() + " (" + strength + ")"));
		if (!change.causes().isEmpty()) {
			block(text(change.causes()));
		}
		if (!change.why().isEmpty()) {
			block(bold("Why it holds:"));
			List<String> items = new ArrayList<>();
			for (ExerciseReport.Step s : change.why()) {
				StringBuilder item = new StringBuilder();
				item.append(s.number()).append(". ").append(bold(s.ruleId())).append(' ').append(text(s.claim()))
					.append(' ').append(italic("(" + s.strength() + ")")).append('\n');
				item.append("   > ").append(text("“" + s.quote() + "” — " + citeAs + ", " + s.section())).append('\n');
				item.append('\n').append("   ").append(text("Because: ")).append(String.join("; ", s.because().stream()
					.map((r) -> r.fromSteps() ? text(r.subject() + " (" + r.stepsText() + ")")
							: text(r.subject() + " ") + bold(r.value()))
					.toList())).append('.');
				if (!s.concludes().equals(change.title())) {
					item.append(' ').append(text("So: ")).append(italic(s.concludes())).append('.');
				}
				items.add(item.toString());
			}
			block(String.join("\n\n", items));
		}
		if (!change.whyNot().isEmpty()) {
			block(bold("Why it no longer holds:"));
			block(String.join("\n", change.whyNot().stream()
				.map((u) -> "- " + bold(u.ruleId()) + " " + text(u.claim()) + ": " + text(u.needs()) + ". "
						+ text("(“" + u.quote() + "” — " + citeAs + ", " + u.section() + ")"))
				.toList()));
		}
	}

	private void block(String markdown) {
		if (this.out.length() > 0) {
			this.out.append("\n\n");
		}
		this.out.append(markdown);
	}

	private static String row(List<String> cells) {
		return "| " + String.join(" | ", cells) + " |";
	}

	/** Text as it is: each character with a meaning in Markdown escaped, line breaks as spaces. */
	static String text(String text) {
		String flat = text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ");
		StringBuilder escaped = new StringBuilder(flat.length() + 16);
		for (int i = 0; i < flat.length(); i++) {
			char c = flat.charAt(i);
			if (SPECIAL.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** Text that starts a line of its own: as {@link #text}, and what would open a list there escaped too. */
	static String line(String text) {
		String escaped = text(text.strip());
		java.util.regex.Matcher m = BLOCK_START.matcher(escaped);
		return m.find() ? escaped.substring(0, m.end() - 1) + "\\" + escaped.substring(m.end() - 1) : escaped;
	}

	private static String bold(String text) {
		return "**" + text(text) + "**";
	}

	private static String italic(String text) {
		return "*" + text(text) + "*";
	}

	/** A link to an address of this application; anything else than http(s) is shown as text. */
	private static String link(String text, String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
			return text(text + " (" + url + ")");
		}
		return "[" + text(text) + "](<" + destination(url) + ">)";
	}

	/** A URL inside {@code <…>}: the characters that would end it or break the line, percent-encoded. */
	private static String destination(String url) {
		return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace("\n", "").replace("\r", "");
	}

	private static String turns(int count) {
		return (count == 1) ? "1 turn" : count + " turns";
	}

}
