package org.policyadvisor.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Too many reports are being laid out at once; the client may try again shortly. */
@ResponseStatus(value = HttpStatus.SERVICE_UNAVAILABLE, reason = "Too many reports are being prepared; try again shortly.")
public class ReportBusyException extends RuntimeException {

	public ReportBusyException() {
		super("Too many reports are being prepared; try again shortly.");
	}

}
