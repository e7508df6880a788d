package org.policyadvisor.batch;

import java.util.Locale;
import java.util.Optional;

/** The two file formats of batch evaluation, for scenarios in and results out. */
enum BatchFormat {

	/** JSON lines: one object per line. */
	JSONL("jsonl", ".jsonl", ".ndjson"),
	/** Comma-separated values with a header row. */
	CSV("csv", ".csv");

	private final String id;

	private final String[] extensions;

	BatchFormat(String id, String... extensions) {
		this.id = id;
		this.extensions = extensions;
	}

	String id() {
		return this.id;
	}

	/** The format named on the command line ({@code jsonl}, {@code ndjson} or {@code csv}, in any case). */
	static Optional<BatchFormat> named(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("ndjson")) {
			return Optional.of(JSONL);
		}
		for (BatchFormat format : values()) {
			if (format.id.equals(lower)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/** The format a file's name says it holds. */
	static Optional<BatchFormat> ofFile(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		for (BatchFormat format : values()) {
			for (String extension : format.extensions) {
				if (lower.endsWith(extension)) {
					return Optional.of(format);
				}
			}
		}
		return Optional.empty();
	}

}
