package org.policyadvisor.report;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.policyadvisor.report.Markdown.bold;
import static org.policyadvisor.report.Markdown.join;
import static org.policyadvisor.report.Markdown.text;

/** The Markdown is read back with a CommonMark parser (and GitHub's tables), as a reader's viewer would. */
class MarkdownTests {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	static String html(String markdown) {
		return HtmlRenderer.builder().extensions(EXTENSIONS).build()
			.render(Parser.builder().extensions(EXTENSIONS).build().parse(markdown));
	}

	/** Text as CommonMark's renderer writes it in HTML. */
	static String htmlText(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "a | b | c", "*not emphasis* and **not strong**",
			"_under_ and __score__", "`not code`", "[not a link](https://example.org)", "![no image](x.png)",
			"# not a heading", "- not a list", "+ not a list", "1. not a list", "2) not a list", "> not a quote",
			"=== not a heading underline", "~~not struck~~", "&amp; &copy; stay as typed", "$x^2$ is no maths",
			"ends with a backslash \\", "\\*escaped already\\*", "<https://example.org> no autolink",
			"Curly “quotes” – dashes — and Ağdam, Gəncə" })
	void textPrintsAsItIsWhateverItHolds(String hostile) {
		String markdown = new Markdown().paragraph(hostile).toString();
		assertThat(html(markdown)).isEqualTo("<p>" + htmlText(hostile) + "</p>\n");
	}

	@Test
	void lineBreaksInTextCannotStartANewBlock() {
		String markdown = new Markdown().paragraph("one\n# two\n\n- three\r\n> four\t five").toString();
		assertThat(markdown).isEqualTo("one \\# two - three \\> four five\n");
		assertThat(html(markdown)).isEqualTo("<p>one # two - three &gt; four five</p>\n");
	}

	@Test
	void aHeadingKeepsItsLevelAndItsText() {
		String markdown = new Markdown().heading(2, "Risks: *all* of them\n## and more").toString();
		assertThat(markdown).isEqualTo("## Risks: \\*all\\* of them \\#\\# and more\n");
		assertThat(html(markdown)).isEqualTo("<h2>Risks: *all* of them ## and more</h2>\n");
		assertThatIllegalArgumentException().isThrownBy(() -> new Markdown().heading(7, "x"));
	}

	@Test
	void aTableCellHoldingPipesStaysOneCell() {
		String markdown = new Markdown()
			.table(List.of("Question", "Answer"),
					List.of(List.of(text("a | b"), text("<script>|*x*|</script>")), List.of(text(""), bold("y"))))
			.toString();
		String html = html(markdown);
		assertThat(html.split("<td>", -1)).hasSize(5);
		assertThat(html).contains("<td>a | b</td>", "<td>&lt;script&gt;|*x*|&lt;/script&gt;</td>",
				"<td><strong>y</strong></td>");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Markdown().table(List.of("One", "Two"), List.of(List.of(text("only one")))));
	}

	@Test
	void aBlockQuoteHoldsOneParagraph() {
		String html = html(new Markdown().quote("“Quote” with > and\n- a list").toString());
		assertThat(html).isEqualTo("<blockquote>\n<p>“Quote” with &gt; and - a list</p>\n</blockquote>\n");
	}

	@Test
	void boldAndItalicWrapEscapedText() {
		String html = html(new Markdown().paragraph(bold("**x**"), text(" and "), Markdown.italic("_y_"),
				bold("  "), text(".")).toString());
		assertThat(html).isEqualTo("<p><strong>**x**</strong> and <em>_y_</em>.</p>\n");
	}

	@Test
	void aNumberedItemKeepsItsQuoteAndSecondParagraph() {
		Markdown item = new Markdown().paragraph(bold("R1.05"), text(" claim"))
			.quote("quote")
			.paragraph("Because: reasons.");
		List<Markdown> items = java.util.Collections.nCopies(10, item);
		String markdown = new Markdown().numbered(items).toString();
		assertThat(markdown).startsWith("1. **R1.05** claim\n\n   > quote\n\n   Because: reasons.\n2. ")
			.endsWith("\n10. **R1.05** claim\n\n    > quote\n\n    Because: reasons.\n");
		String html = html(markdown);
		assertThat(html.split("<li>", -1)).hasSize(11);
		assertThat(html.split("<blockquote>", -1)).hasSize(11);
		assertThat(html).startsWith("<ol>\n<li>\n<p><strong>R1.05</strong> claim</p>\n<blockquote>\n<p>quote</p>\n"
				+ "</blockquote>\n<p>Because: reasons.</p>\n</li>");
	}

	@Test
	void bulletsAreOneLineEach() {
		String html = html(new Markdown().bullets(List.of(text("- one"), join(bold("two"), text(" | 2")))).toString());
		assertThat(html).isEqualTo("<ul>\n<li>- one</li>\n<li><strong>two</strong> | 2</li>\n</ul>\n");
	}

	@Test
	void linksGoOnlyToWebAddressesAndPaths() {
		assertThat(html(new Markdown().paragraph(Markdown.link("a]b", "https://example.org/a b<c>?q=(1)")).toString()))
			.isEqualTo("<p><a href=\"https://example.org/a%20b%3Cc%3E?q=(1)\">a]b</a></p>\n");
		assertThat(html(new Markdown().paragraph(Markdown.link("Result", "/advice?oil_price=low")).toString()))
			.isEqualTo("<p><a href=\"/advice?oil_price=low\">Result</a></p>\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Markdown.link("x", "javascript:alert(1)"));
		assertThatIllegalArgumentException().isThrownBy(() -> Markdown.link("x", "//evil.example/"));
		assertThatIllegalArgumentException().isThrownBy(() -> Markdown.link("x", "data:text/html,hi"));
	}

	@Test
	void blocksAreSeparatedByOneBlankLineAndTheDocumentEndsWithOneLineBreak() {
		String markdown = new Markdown().heading(1, "Title").paragraph("").paragraph("Text").bullets(List.of())
			.toString();
		assertThat(markdown).isEqualTo("# Title\n\nText\n");
	}

}
