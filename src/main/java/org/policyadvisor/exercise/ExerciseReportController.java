package org.policyadvisor.exercise;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.report.PdfRenderer;
import org.policyadvisor.report.ReportFormat;
import org.policyadvisor.report.ReportImages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An exercise's after-action report, to keep: {@code /exercises/{id}/report.pdf} and {@code report.md}, from the
 * view link alone (the report shows what the participants' view shows). An unknown id is answered in plain text:
 * a download link has no page to show it on.
 */
@Controller
class ExerciseReportController {

	/** The PDF's print template. */
	static final String TEMPLATE_PDF = "report/exercise";

	static final String FILE_PREFIX = "after-action-report-";

	/** The printable area of an A4 page in the report layout, less room for a heading above the chart. */
	private static final double PAGE_WIDTH_MM = 176;

	private static final double PAGE_HEIGHT_MM = 230;

	/** A CSS pixel, in millimetres. */
	private static final double MM_PER_PX = 25.4 / 96;

	private final RulePack pack;

	private final ExerciseRepository exercises;

	private final ExerciseReplay replay;

	private final PdfRenderer pdfRenderer;

	private final Clock clock;

	ExerciseReportController(RulePack pack, ExerciseRepository exercises, ExerciseReplay replay,
			PdfRenderer pdfRenderer, ObjectProvider<Clock> clock) {
		this.pack = pack;
		this.exercises = exercises;
		this.replay = replay;
		this.pdfRenderer = pdfRenderer;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/exercises/{id}/report.md")
	ResponseEntity<byte[]> markdown(@PathVariable String id) {
		Prepared prepared = prepare(id);
		return ReportFormat.MARKDOWN.attachment(prepared.fileName(),
				ExerciseReportMarkdown.write(prepared.report()).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/exercises/{id}/report.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		Prepared prepared = prepare(id);
		TimelineLayout layout = new TimelineLayout(prepared.report().timeline());
		// The chart at the page's size, or smaller to fit on one page: an image cannot run over a page break.
		double width = layout.width() * MM_PER_PX;
		double height = layout.height() * MM_PER_PX;
		double fit = Math.min(1, Math.min(PAGE_WIDTH_MM / width, PAGE_HEIGHT_MM / height));
		byte[] body = this.pdfRenderer.render(TEMPLATE_PDF, Map.of("report", prepared.report(), "chart",
				ReportImages.pngDataUri(TimelinePng.render(layout)), "chartWidth", mm(width * fit), "chartHeight",
				mm(height * fit)));
		return ReportFormat.PDF.attachment(prepared.fileName(), body);
	}

	private Prepared prepare(String id) {
		Exercise exercise = this.exercises.find(id).orElseThrow(ExerciseController.NotFound::new);
		Instant now = this.clock.instant();
		String viewLink = ServletUriComponentsBuilder.fromCurrentContextPath().path("/exercises/{id}")
			.buildAndExpand(id).toUriString();
		ExerciseReport report = ExerciseReport.of(this.pack, this.replay.replay(exercise), viewLink,
				viewLink + "/timeline.png", now);
		return new Prepared(report, FILE_PREFIX + LocalDate.ofInstant(now, ZoneOffset.UTC));
	}

	@ExceptionHandler(ExerciseController.NotFound.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body("No report: there is no exercise at this address. The link may be mistyped or cut short, or the "
					+ "exercise deleted.\n");
	}

	private static String mm(double value) {
		return String.format(Locale.ROOT, "%.1fmm", value);
	}

	private record Prepared(ExerciseReport report, String fileName) {
	}

}
