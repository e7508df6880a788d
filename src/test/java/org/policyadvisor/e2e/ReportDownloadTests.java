package org.policyadvisor.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports from the packaged jar: the fonts and templates travel inside it, and nothing is fetched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDownloadTests {

	private PackagedApplication app;

	@BeforeAll
	void start() throws Exception {
		this.app = PackagedApplication.shared();
	}

	@Test
	void thePdfReportEmbedsTheBundledFontAndReadsBack() throws Exception {
		HttpResponse<byte[]> response = this.app.getBytes("/advice/report.pdf?scenario=what-if-oil-price-collapse");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((d) -> assertThat(d).matches("attachment; filename=\"policy-advice-\\d{4}-\\d{2}-\\d{2}\\.pdf\""));
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
			assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Policy advice · ");
			PDResources resources = pdf.getPage(0).getResources();
			for (COSName name : resources.getFontNames()) {
				assertThat(resources.getFont(name).getName()).contains("DejaVuSans");
				assertThat(resources.getFont(name).isEmbedded()).isTrue();
			}
			assertThat(new PDFTextStripper().getText(pdf))
				.contains("Economic collapse pitches the country into chaos and boosts Russia's influence");
		}
	}

	@Test
	void theMarkdownReportAndItsErrorsComeFromTheJar() throws Exception {
		HttpResponse<byte[]> md = this.app.getBytes("/advice/report.md?oil_price=low");
		assertThat(md.statusCode()).isEqualTo(200);
		assertThat(md.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
		assertThat(new String(md.body(), StandardCharsets.UTF_8)).startsWith("# Policy advice\n")
			.contains("**Low** — **changed** (early 2019: Medium)");
		HttpResponse<String> bad = this.app.get("/advice/report.pdf?oil_price=plenty");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).startsWith("No report: 1 condition value is not valid.").doesNotContain("Exception");
	}

	@Test
	void theResultPageOffersBothDownloads() throws Exception {
		HttpResponse<String> page = this.app.get("/advice?oil_price=low");
		assertThat(page.body()).contains("Download report:").contains("id=\"report-pdf\" href=\"/advice/report.pdf?")
			.contains("id=\"report-md\" href=\"/advice/report.md?");
	}

}
