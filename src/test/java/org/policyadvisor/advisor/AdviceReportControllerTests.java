package org.policyadvisor.advisor;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.report.PdfRenderer;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest({ AdviceReportController.class, AdvisorController.class })
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, PdfRenderer.class,
		AdviceReportControllerTests.FixedClock.class })
class AdviceReportControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2019-03-01T23:30:00Z"), ZoneOffset.UTC);
		}

	}

	@Test
	void markdownIsAUtf8AttachmentNamedByTheDate() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/advice/report.md?oil_price=low").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/markdown;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"policy-advice-2019-03-01.md\"");
		assertThat(result.getResponse().getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
		String md = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(md).startsWith("# Policy advice\n")
			.contains("Generated 1 March 2019, 23:30 UTC. [Open this result live](<http://localhost/advice?western_engagement=low&")
			.contains("&oil_price=low&")
			.contains("Economic collapse pitches the country into chaos and boosts Russia's influence (")
			.contains("“");
	}

	@Test
	void pdfIsAnAttachmentThatReadsBack() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/advice/report.pdf?oil_price=low").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"policy-advice-2019-03-01.pdf\"");
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(pdf.getNumberOfPages()).isPositive();
			assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Policy advice · ");
			assertThat(new PDFTextStripper().getText(pdf))
				.contains("Economic collapse pitches the country into chaos and boosts Russia's influence");
		}
	}

	@Test
	void aScenarioIsReadAsOnTheResultPage() throws Exception {
		String md = this.mvc.get().uri("/advice/report.md?scenario=what-if-oil-price-collapse&western_engagement=high")
			.exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(md).contains("Started from the scenario “").contains("”; one answer differs from it.")
			.contains("| **Low** — **changed** (early 2019: Medium) |");
	}

	@Test
	void anInvalidValueIsAPlainTextBadRequestNamingTheQuestion() throws Exception {
		for (String format : new String[] { "md", "pdf" }) {
			MvcTestResult result = this.mvc.get().uri("/advice/report." + format + "?oil_price=plenty").exchange();
			assertThat(result).hasStatus(400);
			assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
			assertThat(result.getResponse().getContentAsString())
				.contains("No report: 1 condition value is not valid.")
				.contains("What is the level of world oil prices? (oil_price): Choose one of low, medium, high (got 'plenty').")
				.doesNotContain("Exception");
		}
	}

	@Test
	void aHostileValueComesBackAsInertText() throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri("/advice/report.md?oil_price={v}&eaeu_stance={w}", "<script>alert(1)</script>|*x*", "**")
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.getResponse().getContentType()).startsWith("text/plain");
		assertThat(result.getResponse().getContentAsString()).contains("No report: 2 condition values are not valid.");
	}

	@Test
	void anUnknownScenarioIsNotFound() throws Exception {
		for (String format : new String[] { "md", "pdf" }) {
			MvcTestResult result = this.mvc.get().uri("/advice/report." + format + "?scenario=no-such-moment").exchange();
			assertThat(result).hasStatus(404);
			assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(result.getResponse().getContentAsString())
				.startsWith("No report: 'no-such-moment' is not a scenario of this rule pack.");
		}
	}

	@Test
	void theResultPageLinksToBothReportsOfItsOwnConditions() throws Exception {
		String html = this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse().getContentAsString();
		String pdf = href(html, "report-pdf");
		String md = href(html, "report-md");
		assertThat(pdf).startsWith("/advice/report.pdf?").contains("oil_price=low");
		assertThat(md).isEqualTo(pdf.replace("/advice/report.pdf?", "/advice/report.md?"));
		assertThat(this.mvc.get().uri(md.replace("&amp;", "&")).exchange().getResponse().getContentAsString())
			.contains("| **Low** — **changed** (early 2019: Medium) |");
	}

	@Test
	void aResultChangedFromAScenarioKeepsTheScenarioInItsReportLinks() throws Exception {
		String html = this.mvc.get().uri("/advice?scenario=what-if-oil-price-collapse&western_engagement=high")
			.exchange().getResponse().getContentAsString();
		assertThat(href(html, "report-pdf")).startsWith("/advice/report.pdf?scenario=what-if-oil-price-collapse&amp;");
	}

	private static String href(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("link " + id).isTrue();
		return m.group(1);
	}

}
