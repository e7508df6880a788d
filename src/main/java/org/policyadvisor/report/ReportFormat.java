package org.policyadvisor.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The formats a report downloads in, and the response that delivers one as a file:
 * <pre>{@code
 * return ReportFormat.MARKDOWN.attachment("policy-advice-2019-03-01", markdown.getBytes(UTF_8));
 * }</pre>
 * gives {@code Content-Type: text/markdown;charset=UTF-8} and
 * {@code Content-Disposition: attachment; filename="policy-advice-2019-03-01.md"}.
 */
public enum ReportFormat {

	PDF("pdf", MediaType.APPLICATION_PDF),

	MARKDOWN("md", new MediaType("text", "markdown", StandardCharsets.UTF_8));

	/** A file name the code makes (a fixed word and a date), so it needs no quoting or encoding. */
	private static final Pattern BASE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

	private final String extension;

	private final MediaType mediaType;

	ReportFormat(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * The report as a download named {@code baseName.extension}.
	 * @param baseName lower-case letters, digits and hyphens, e.g. {@code policy-advice-2019-03-01}
	 */
	public ResponseEntity<byte[]> attachment(String baseName, byte[] body) {
		if (!BASE_NAME.matcher(baseName).matches()) {
			throw new IllegalArgumentException("Not a report file name: " + baseName);
		}
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(baseName + "." + this.extension)
			.build();
		return ResponseEntity.ok()
			.contentType(this.mediaType)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			// A download, never a page: a browser must not guess it is HTML.
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
