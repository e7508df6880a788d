package org.policyadvisor.report;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportFormatTests {

	@Test
	void aPdfDownloadsAsAnAttachmentNamedWithItsExtension() {
		ResponseEntity<byte[]> response = ReportFormat.PDF.attachment("policy-advice-2019-03-01", new byte[] { 1 });
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"policy-advice-2019-03-01.pdf\"");
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getBody()).containsExactly(1);
	}

	@Test
	void markdownIsUtf8Text() {
		ResponseEntity<byte[]> response = ReportFormat.MARKDOWN.attachment("exercise-7", new byte[0]);
		assertThat(response.getHeaders().getContentType()).hasToString("text/markdown;charset=UTF-8");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"exercise-7.md\"");
	}

	@Test
	void theFileNameIsTheCodesOwnNeverAnythingThatNeedsQuoting() {
		for (String bad : new String[] { "", "a\"b", "../x", "Policy Advice", "x\r\nSet-Cookie: a=b", "-x" }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> ReportFormat.PDF.attachment(bad, new byte[0]));
		}
	}

}
