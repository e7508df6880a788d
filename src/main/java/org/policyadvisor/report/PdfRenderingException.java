package org.policyadvisor.report;

/** A report could not be laid out or written: a broken template, not bad input, so it is a server error. */
public class PdfRenderingException extends RuntimeException {

	public PdfRenderingException(String message, Throwable cause) {
		super(message, cause);
	}

}
