package org.policyadvisor.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PdfRendererTests {

	private static final String TEMPLATE = "report/test-sample";

	private final PdfRenderer renderer = TestPdfRenderer.shared();

	@Test
	void titleDescriptionAndLanguageBecomeTheDocumentsMetadata() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(render(model("Ağdam – a “test”", "text", 1)))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Ağdam – a “test”");
			assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("A test of the report layout");
			assertThat(pdf.getDocumentInformation().getProducer()).isEqualTo("Policy Advisor");
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
		}
	}

	@Test
	void theTextKeepsCurlyQuotesDashesAndAccentsInTheEmbeddedFont() throws IOException {
		String text = "Shiriyev’s “closer by default?” – Gəncə, Ağdam, İlham — 50% & <more>";
		try (PDDocument pdf = Loader.loadPDF(render(model("Title", text, 1)))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(text);
			List<PDFont> fonts = fonts(pdf.getPage(0));
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.getName()).contains("DejaVuSans");
				assertThat(font.isEmbedded()).isTrue();
			});
		}
	}

	@Test
	void printsPlainLettersWhereTheFontHasLigaturesSoTheTextCanBeSearchedAndCopied() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(render(model("Title", "influence, affairs, first, official", 1)))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("influence, affairs, first, official")
				.doesNotContain("\ufb01").doesNotContain("\ufb02");
		}
	}

	@Test
	void isTaggedForAssistiveTechnology() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(render(model("Title", "text", 3)))) {
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
		}
	}

	@Test
	void aLongTableRunsOverPagesWithNumberedFootersAndItsHeaderRepeated() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(render(model("Long", "text", 200)))) {
			int pages = pdf.getNumberOfPages();
			assertThat(pages).isGreaterThan(2);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(pages);
			stripper.setEndPage(pages);
			String last = stripper.getText(pdf);
			assertThat(last).contains("Page " + pages + " of " + pages).contains("Row").contains("200");
		}
	}

	@Test
	void embedsAPngGivenAsADataUri() throws IOException {
		Map<String, Object> model = model("Chart", "text", 1);
		model.put("chart", ReportImages.pngDataUri(redRectangle()));
		try (PDDocument pdf = Loader.loadPDF(render(model))) {
			assertThat(images(pdf.getPage(0))).singleElement()
				.satisfies((image) -> assertThat(image.getWidth()).isEqualTo(80));
		}
	}

	@Test
	void loadsNothingFromOutsideTheDocument(@TempDir Path dir) throws IOException {
		Path png = dir.resolve("outside.png");
		Files.write(png, ReportImages.png(redRectangle()));
		String xhtml = """
				<html lang="en"><head><title>Outside</title>
				<link rel="stylesheet" href="%s"/></head>
				<body><p>Before</p><img src="%s" alt="outside"/><p>After</p></body></html>
				""".formatted(dir.resolve("missing.css").toUri(), png.toUri());
		try (PDDocument pdf = Loader.loadPDF(this.renderer.renderXhtml(xhtml))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Before").contains("After");
			assertThat(images(pdf.getPage(0))).isEmpty();
		}
	}

	@Test
	void rendersOnlyReportTemplates() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.renderer.render("advisor/result", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.renderer.render("report/../error", Map.of()));
	}

	@Test
	void refusesAnAbsurdlyLargeDocumentBeforeLayingItOut() {
		String huge = "<html><body><p>" + "x".repeat(PdfRenderer.MAX_XHTML_CHARS) + "</p></body></html>";
		assertThatIllegalArgumentException().isThrownBy(() -> this.renderer.renderXhtml(huge))
			.withMessageContaining("over the limit");
	}

	@Test
	void aBrokenDocumentIsARenderingFailureNotAnEmptyPdf() {
		assertThatExceptionOfType(PdfRenderingException.class)
			.isThrownBy(() -> this.renderer.renderXhtml("<html><body><p>unclosed</body></html>"));
	}

	@Test
	void whenEveryPermitIsTakenTheRendererGivesUpRatherThanQueueingForever() throws Exception {
		Semaphore permits = new Semaphore(1);
		PdfRenderer limited = new PdfRenderer(TestPdfRenderer.engine(), permits, 50);
		permits.acquire();
		assertThatExceptionOfType(ReportBusyException.class)
			.isThrownBy(() -> limited.render(TEMPLATE, model("Busy", "text", 1)));
		permits.release();
		assertThat(limited.render(TEMPLATE, model("Free", "text", 1))).startsWith("%PDF".getBytes());
		assertThat(permits.availablePermits()).isEqualTo(1);
	}

	private byte[] render(Map<String, Object> model) {
		return this.renderer.render(TEMPLATE, model);
	}

	private static Map<String, Object> model(String title, String text, int rows) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", title);
		model.put("text", text);
		model.put("rows", IntStream.rangeClosed(1, rows).boxed().toList());
		return model;
	}

	static BufferedImage redRectangle() {
		BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, 80, 40);
		g.dispose();
		return image;
	}

	private static List<PDFont> fonts(PDPage page) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		PDResources resources = page.getResources();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		return fonts;
	}

	private static List<PDImageXObject> images(PDPage page) throws IOException {
		List<PDImageXObject> images = new ArrayList<>();
		PDResources resources = page.getResources();
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject image) {
				images.add(image);
			}
		}
		return images;
	}

}
