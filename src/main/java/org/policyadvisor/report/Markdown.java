package org.policyadvisor.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a Markdown document (CommonMark, with GitHub's tables) in which no text can change the structure: every
 * piece of text goes in escaped, so a quote or a name holding {@code |}, {@code *}, {@code #}, {@code <script>} or a
 * line break prints as it is, inside the block it was put in.
 * <h2>Using it</h2>
 * <pre>{@code
 * Markdown md = new Markdown()
 *     .heading(1, "Policy advice")
 *     .paragraph(Markdown.text("Generated on "), Markdown.bold(date))
 *     .table(List.of("Question", "Answer"), rows)          // rows of Inline cells
 *     .quote(rule.quote())
 *     .numbered(steps);                                    // items that are Markdown fragments themselves
 * String document = md.toString();
 * }</pre>
 * Inline content is an {@link Inline}, made only by the static methods here ({@link #text}, {@link #bold},
 * {@link #italic}, {@link #link}) and joined with {@link Inline#then}: a plain {@code String} is always text, never
 * markup. Blocks are separated by a blank line; a list item can hold several blocks (a paragraph and a quote), built as
 * a {@code Markdown} of its own.
 */
public final class Markdown {

	/** Characters with a meaning somewhere in CommonMark or GitHub's extensions ($ is GitHub's maths). */
	private static final String SPECIAL = "\\`*_[]<>#|~&$";

	/** What would open a list, a heading or a thematic break at the start of a line. */
	private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)(?:([-+=])|(\\d{1,9})([.)]))");

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cc}\\u2028\\u2029]+");

	private final StringBuilder out = new StringBuilder();

	/** Text as it is, escaped; line breaks and tabs become spaces. */
	public static Inline text(String text) {
		return new Inline(escape(text));
	}

	public static Inline bold(String text) {
		return wrap("**", text);
	}

	public static Inline italic(String text) {
		return wrap("*", text);
	}

	/**
	 * A link. Only web addresses ({@code http}, {@code https}) and paths ({@code /…}) are linked: anything else, such
	 * as {@code javascript:}, is refused.
	 * @throws IllegalArgumentException for another kind of URL
	 */
	public static Inline link(String text, String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!(lower.startsWith("https://") || lower.startsWith("http://")
				|| (url.startsWith("/") && !url.startsWith("//")))) {
			throw new IllegalArgumentException("Not a web address or path: " + abbreviate(url));
		}
		return new Inline("[" + escape(text) + "](<" + destination(url) + ">)");
	}

	/** Inline parts joined, with nothing in between. */
	public static Inline join(Inline... parts) {
		StringBuilder joined = new StringBuilder();
		for (Inline part : parts) {
			joined.append(part.markdown);
		}
		return new Inline(joined.toString());
	}

	/**
	 * The text escaped for use inline: each character with a meaning in Markdown behind a backslash, whitespace runs
	 * (line breaks included) as one space, and whatever would start a list or heading at the beginning of a line
	 * ({@code -}, {@code +}, {@code =}, {@code 1.}) escaped too.
	 */
	public static String escape(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String flat = WHITESPACE.matcher(text).replaceAll(" ");
		StringBuilder escaped = new StringBuilder(flat.length() + 16);
		Matcher start = BLOCK_START.matcher(flat);
		int from = 0;
		if (start.find()) {
			escaped.append(start.group(1));
			if (start.group(2) != null) {
				escaped.append('\\').append(start.group(2));
			}
			else {
				escaped.append(start.group(3)).append('\\').append(start.group(4));
			}
			from = start.end();
		}
		for (int i = from; i < flat.length(); i++) {
			char c = flat.charAt(i);
			if (SPECIAL.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** A heading, level 1 to 6. */
	public Markdown heading(int level, String text) {
		if (level < 1 || level > 6) {
			throw new IllegalArgumentException("Heading level " + level + " is not 1 to 6");
		}
		return block("#".repeat(level) + " " + escape(text).strip());
	}

	/** A paragraph of the parts joined; nothing when they are all empty. */
	public Markdown paragraph(Inline... parts) {
		String line = join(parts).markdown.strip();
		return line.isEmpty() ? this : block(line);
	}

	public Markdown paragraph(String text) {
		return paragraph(text(text));
	}

	/** A block quote of one paragraph. */
	public Markdown quote(String text) {
		return quote(text(text));
	}

	public Markdown quote(Inline content) {
		return block("> " + content.markdown.strip());
	}

	/** A bulleted list of one-line items. */
	public Markdown bullets(List<Inline> items) {
		if (items.isEmpty()) {
			return this;
		}
		List<String> lines = new ArrayList<>();
		for (Inline item : items) {
			lines.add("- " + item.markdown.strip());
		}
		return block(String.join("\n", lines));
	}

	/** A numbered list whose items may hold several blocks each (a paragraph, a quote, a list). */
	public Markdown numbered(List<Markdown> items) {
		if (items.isEmpty()) {
			return this;
		}
		List<String> lines = new ArrayList<>();
		int number = 1;
		for (Markdown item : items) {
			String marker = number++ + ". ";
			String indent = " ".repeat(marker.length());
			String[] content = item.toString().strip().split("\n", -1);
			lines.add(marker + content[0]);
			for (int i = 1; i < content.length; i++) {
				lines.add(content[i].isEmpty() ? "" : indent + content[i]);
			}
		}
		return block(String.join("\n", lines));
	}

	/**
	 * A table (GitHub's extension). Each row has as many cells as there are headers.
	 * @throws IllegalArgumentException when a row has another number of cells
	 */
	public Markdown table(List<String> headers, List<List<Inline>> rows) {
		StringBuilder table = new StringBuilder();
		table.append(row(headers.stream().map(Markdown::text).toList())).append('\n');
		table.append("|").append(" --- |".repeat(headers.size()));
		for (List<Inline> cells : rows) {
			if (cells.size() != headers.size()) {
				throw new IllegalArgumentException(
						"A row of " + cells.size() + " cells in a table of " + headers.size() + " columns");
			}
			table.append('\n').append(row(cells));
		}
		return block(table.toString());
	}

	/** The document, ending with a single line break. */
	@Override
	public String toString() {
		return this.out.toString().stripTrailing() + "\n";
	}

	private static String row(List<Inline> cells) {
		StringBuilder row = new StringBuilder("|");
		for (Inline cell : cells) {
			String text = cell.markdown.strip();
			row.append(' ').append(text.isEmpty() ? " " : text).append(" |");
		}
		return row.toString();
	}

	private Markdown block(String text) {
		this.out.append(text).append("\n\n");
		return this;
	}

	private static Inline wrap(String marker, String text) {
		String escaped = escape(text).strip();
		// Emphasis cannot open or close next to a space, and empty emphasis would print its asterisks.
		return escaped.isEmpty() ? new Inline("") : new Inline(marker + escaped + marker);
	}

	/** A link destination for the {@code <…>} form: percent-encodes what could end it or is not plain ASCII. */
	private static String destination(String url) {
		StringBuilder encoded = new StringBuilder(url.length());
		for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '\\' || c == '"' || c == '`') {
				encoded.append('%').append(String.format("%02X", c));
			}
			else {
				encoded.append((char) c);
			}
		}
		return encoded.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

	/** A piece of inline Markdown, made only from escaped text, so it cannot open a block or close another. */
	public static final class Inline {

		private final String markdown;

		private Inline(String markdown) {
			this.markdown = markdown;
		}

		/** This, then the others. */
		public Inline then(Inline... others) {
			Inline[] all = new Inline[others.length + 1];
			all[0] = this;
			System.arraycopy(others, 0, all, 1, others.length);
			return join(all);
		}

		public boolean isEmpty() {
			return this.markdown.isEmpty();
		}

		@Override
		public String toString() {
			return this.markdown;
		}

	}

}
