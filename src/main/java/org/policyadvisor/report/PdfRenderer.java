package org.policyadvisor.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf print template to PDF, offline: the single result's report and, later, the exercise's.
 * <h2>Using it</h2>
 * <pre>{@code
 * byte[] pdf = pdfRenderer.render("report/advice", Map.of("report", report));
 * return ReportFormat.PDF.attachment("policy-advice-2019-03-01", pdf);
 * }</pre>
 * <h2>Writing a template</h2>
 * <ul>
 * <li>Put it under {@code templates/report/}, and write it as well-formed XHTML (close every element, {@code <br/>},
 * no {@code &nbsp;}): the layout engine parses it as XML. Thymeleaf's {@code th:text} escapes what it inserts, so
 * data cannot break the markup.</li>
 * <li>Start from the layout, which carries the print stylesheet, the page size, a running footer and the page
 * numbers: {@code <html th:replace="~{report/layout :: report(${title}, ${subject}, ~{::main})}">} around a
 * {@code <main>}. {@code title} becomes the PDF's title (and the footer), {@code subject} its description, and the
 * layout's {@code <html lang="en">} its language.</li>
 * <li>Give every link a {@code title} attribute, and keep a block on one page with {@code class="keep"}.</li>
 * <li>The template is processed outside any web request, so {@code @{/path}} links cannot be context-relative: pass
 * absolute URLs in the model.</li>
 * <li>Nothing is fetched while laying out: stylesheets are inline (in the layout), and images are embedded as
 * {@code data:} URIs ({@link ReportImages#pngDataUri(byte[])}); any other URL of an image, stylesheet or font is
 * refused. SVG cannot be drawn (no Batik): draw charts to PNG.</li>
 * <li>The font is {@value #FONT_FAMILY} (regular, bold and oblique, subset into each PDF), so curly quotes, dashes
 * and accented names print as they are.</li>
 * </ul>
 * The PDF is tagged for accessibility (PDF/UA): headings, lists, tables and links keep their structure, and each
 * {@code <img>} needs an {@code alt}.
 * <h2>Limits</h2>
 * A report is small. Callers validate their input before building a model; this bean refuses an XHTML document
 * over {@value #MAX_XHTML_CHARS} characters, and lays out at most {@value #CONCURRENT_RENDERS} documents at once,
 * making others wait up to {@value #WAIT_SECONDS} seconds before it gives up with {@link ReportBusyException}.
 */
@Component
public class PdfRenderer {

	public static final String FONT_FAMILY = "DejaVu Sans";

	static final int MAX_XHTML_CHARS = 2_000_000;

	static final int CONCURRENT_RENDERS = 2;

	static final int WAIT_SECONDS = 20;

	/** Template names are constants of the calling code; this only guards against one built from input. */
	private static final Pattern TEMPLATE_NAME = Pattern.compile("report/[a-z0-9-]+(/[a-z0-9-]+)*");

	/** Images are embedded in the document; nothing else may be loaded while laying it out. */
	private static final String EMBEDDED = "data:";

	private static final String PRODUCER = "Policy Advisor";

	/** TrueType table tags, as the table directory holds them. */
	private static final int GSUB = tag("GSUB");

	private static final int HIDDEN_GSUB = tag("gsub");

	private static final List<FontFile> FONT_FILES = List.of(new FontFile("fonts/DejaVuSans.ttf", 400, FontStyle.NORMAL),
			new FontFile("fonts/DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
			new FontFile("fonts/DejaVuSans-Oblique.ttf", 400, FontStyle.OBLIQUE),
			new FontFile("fonts/DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC));

	/**
	 * The font is also the last resort for text whose family is not available: there are no built-in fonts in a
	 * tagged PDF, and without a fallback such text would silently not be drawn.
	 */
	private static final Set<FSFontUseCase> FONT_USES = EnumSet.of(FSFontUseCase.DOCUMENT,
			FSFontUseCase.FALLBACK_FINAL);

	private final ITemplateEngine templates;

	private final Semaphore renders;

	private final long waitMillis;

	/**
	 * The fonts' bytes, read on the first report rather than at start-up, which most runs never need; the first report
	 * also routes openhtmltopdf's log to SLF4J.
	 */
	private volatile Map<String, byte[]> fonts;

	@Autowired
	public PdfRenderer(ITemplateEngine templates) {
		this(templates, new Semaphore(CONCURRENT_RENDERS, true), TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
	}

	PdfRenderer(ITemplateEngine templates, Semaphore renders, long waitMillis) {
		this.templates = templates;
		this.renders = renders;
		this.waitMillis = waitMillis;
	}

	/**
	 * Processes {@code template} with {@code model} and lays the result out as PDF.
	 * @param template a template name under {@code report/}, e.g. {@code "report/advice"}
	 * @param model the template's variables
	 * @return the PDF's bytes
	 * @throws ReportBusyException when too many reports are being rendered
	 * @throws PdfRenderingException when the template or its output is broken (a bug, not bad input)
	 */
	public byte[] render(String template, Map<String, ?> model) {
		if (!TEMPLATE_NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("Not a report template: " + template);
		}
		String xhtml = this.templates.process(template, new Context(Locale.ENGLISH, new java.util.HashMap<String, Object>(model)));
		return renderXhtml(xhtml);
	}

	/**
	 * Lays out an XHTML document as PDF; {@link #render} is the usual way in.
	 * @throws IllegalArgumentException when the document is over {@value #MAX_XHTML_CHARS} characters
	 */
	public byte[] renderXhtml(String xhtml) {
		if (xhtml.length() > MAX_XHTML_CHARS) {
			throw new IllegalArgumentException(
					"A report of " + xhtml.length() + " characters is over the limit of " + MAX_XHTML_CHARS + ".");
		}
		acquire();
		try {
			return layOut(xhtml);
		}
		finally {
			this.renders.release();
		}
	}

	private void acquire() {
		try {
			if (!this.renders.tryAcquire(this.waitMillis, TimeUnit.MILLISECONDS)) {
				throw new ReportBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ReportBusyException();
		}
	}

	private byte[] layOut(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.withProducer(PRODUCER);
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(EMBEDDED),
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(EMBEDDED),
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		Map<String, byte[]> bytes = fonts();
		for (FontFile font : FONT_FILES) {
			byte[] data = bytes.get(font.path());
			builder.useFont(() -> new ByteArrayInputStream(data), FONT_FAMILY, font.weight(), font.style(), true,
					FONT_USES);
		}
		// The base URI only resolves relative references, and every one is refused above.
		builder.withHtmlContent(xhtml, "about:blank");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new PdfRenderingException("Could not write the PDF", ex);
		}
		catch (RuntimeException ex) {
			throw new PdfRenderingException("Could not lay out the report", ex);
		}
		return out.toByteArray();
	}

	private Map<String, byte[]> fonts() {
		Map<String, byte[]> loaded = this.fonts;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.fonts;
				if (loaded == null) {
					Slf4jXRLogger.install();
					loaded = readFonts();
					this.fonts = loaded;
				}
			}
		}
		return loaded;
	}

	private static Map<String, byte[]> readFonts() {
		Map<String, byte[]> loaded = new java.util.HashMap<>();
		for (FontFile font : FONT_FILES) {
			if (loaded.containsKey(font.path())) {
				continue;
			}
			try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(font.path())) {
				if (in == null) {
					throw new IllegalStateException("The report font " + font.path() + " is not on the classpath");
				}
				loaded.put(font.path(), withoutGlyphSubstitution(in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Map.copyOf(loaded);
	}

	/**
	 * The font with its glyph substitution table (GSUB) hidden. PDFBox 3 applies a font's Latin ligatures, and a
	 * ligature glyph maps back to one character (U+FB02 for "fl"): text copied or searched in the PDF would read
	 * "inﬂuence". A report is quoted from, so it prints plain letters. Renaming the table's tag in the table directory
	 * hides it; the subset embedded in each PDF leaves unknown tables out.
	 */
	static byte[] withoutGlyphSubstitution(byte[] ttf) {
		java.nio.ByteBuffer font = java.nio.ByteBuffer.wrap(ttf);
		int tables = font.getShort(4) & 0xffff;
		for (int i = 0; i < tables; i++) {
			int record = 12 + 16 * i;
			if (font.getInt(record) == GSUB) {
				font.putInt(record, HIDDEN_GSUB);
			}
		}
		return ttf;
	}

	private static int tag(String tag) {
		return java.nio.ByteBuffer.wrap(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getInt();
	}

	private record FontFile(String path, int weight, FontStyle style) {
	}

}
