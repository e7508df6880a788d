package org.policyadvisor.exercise;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.report.PdfRenderer;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The after-action report downloads, from an exercise in a real embedded H2, read back: Markdown and PDF. */
@WebMvcTest(ExerciseReportController.class)
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@AutoConfigureDataSourceInitialization
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, ExerciseRepository.class,
		ExerciseReplay.class, PdfRenderer.class, ExerciseReportControllerTests.FixedClock.class })
class ExerciseReportControllerTests {

	private static final String RISK = "Economic collapse pitches the country into chaos and boosts Russia's influence";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ExerciseRepository exercises;

	@Autowired
	private RulePack pack;

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-05-01T23:30:00Z"), ZoneOffset.UTC);
		}

	}

	private String exercise() {
		ExerciseRepository.Created created = this.exercises.create(new NewExercise("Oil shock in Baku",
				"You advise the government.", "Early 2019: the situation the paper describes", this.pack.defaults(),
				this.pack.descriptor().version()));
		this.exercises.addTurn(created.id(), "Day 1: oil price crash",
				List.of(new Exercise.Inject("oil_price", "low", "Brent falls below $40.")));
		this.exercises.addTurn(created.id(), "Day 2: prices recover",
				List.of(new Exercise.Inject("oil_price", "medium", "OPEC agrees cuts.")));
		return created.id();
	}

	@Test
	void markdownIsAUtf8AttachmentWithTheTurnsAndTheChartsLink() throws Exception {
		String id = exercise();
		MvcTestResult result = this.mvc.get().uri("/exercises/" + id + "/report.md").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/markdown;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"after-action-report-2026-05-01.md\"");
		String md = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(md).startsWith("# After-action report: Oil shock in Baku\n")
			.contains("Report generated 1 May 2026, 23:30 UTC.")
			.contains("[Follow the exercise](<http://localhost/exercises/" + id + ">)")
			.contains("(<http://localhost/exercises/" + id + "/timeline.png>)")
			.contains("| Risk: " + RISK + " | – | ▲ possible | ▼ ended |")
			.contains("## Turn 1: Day 1: oil price crash", "Brent falls below \\$40.", "#### New risk: " + RISK,
					"## Turn 2: Day 2: prices recover", "#### Risk ended: " + RISK, "**R0.08**");
	}

	@Test
	void pdfReadsBackWithTheSameContentAndTheChartAsAnImage() throws Exception {
		String id = exercise();
		MvcTestResult result = this.mvc.get().uri("/exercises/" + id + "/report.pdf").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"after-action-report-2026-05-01.pdf\"");
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Oil shock in Baku · After-action report");
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("After-action report: Oil shock in Baku", "You advise the government.",
					"Turn 1: Day 1: oil price crash", "Brent falls below $40.", "New risk: " + RISK,
					"Caused by the inject: What is the level of world oil prices? → Low.", "R0.08",
					"Economic collapse, should it occur, has the potential to pitch the country into chaos",
					"Risk ended: " + RISK, "What is the level of world oil prices? needs Low (now Medium)",
					"What holds after turn 2");
			int images = 0;
			int widest = 0;
			for (PDPage page : pdf.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
						images++;
						widest = Math.max(widest, image.getWidth());
					}
				}
			}
			assertThat(images).isEqualTo(1);
			assertThat(widest).isEqualTo((int) Math.ceil(new TimelineLayout(Timeline.of(this.pack,
					new ExerciseReplay(org.policyadvisor.engine.TestPacks.shipped())
						.replay(this.exercises.find(id).orElseThrow()))).width() * TimelinePng.MAX_SCALE));
		}
	}

	@Test
	void anUnknownExerciseIsAPlainNotFound() throws Exception {
		for (String path : List.of("/exercises/AAAAAAAAAAAAAAAA/report.md", "/exercises/nope/report.pdf")) {
			MvcTestResult result = this.mvc.get().uri(path).exchange();
			assertThat(result).hasStatus(404);
			assertThat(result.getResponse().getContentAsString()).startsWith("No report: there is no exercise");
		}
	}

}
