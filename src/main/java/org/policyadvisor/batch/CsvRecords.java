package org.policyadvisor.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file (RFC 4180: cells separated by commas, quoted with {@code "} when they hold commas,
 * quotes or line breaks, a quote inside a quoted cell doubled), read one at a time with the line each starts on.
 * Blank rows are skipped. A record longer than the limit is reported rather than held in memory.
 */
final class CsvRecords implements Closeable {

	/**
	 * One row. {@code problem} says what makes it unreadable (an unclosed quote, text after a closing quote, too
	 * long); {@code cells} is then what could be read of it.
	 */
	record Record(int line, List<String> cells, String problem) {
	}

	private final TextInput input;

	private final int maxLength;

	CsvRecords(TextInput input, int maxLength) {
		this.input = input;
		this.maxLength = maxLength;
	}

	/** The next row that is not blank, or {@code null} at the end of the file. */
	Record next() throws IOException {
		Record record;
		do {
			record = readRecord();
		}
		while (record != null && record.problem() == null && record.cells().stream().allMatch(String::isBlank));
		return record;
	}

	private Record readRecord() throws IOException {
		if (this.input.peek() < 0) {
			return null;
		}
		int line = this.input.line();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean inQuotes = false;
		boolean quoted = false;
		String problem = null;
		int length = 0;
		while (true) {
			int c = this.input.read();
			if (c < 0) {
				if (inQuotes && problem == null) {
					problem = "a quoted cell (column " + (cells.size() + 1)
							+ ") is not closed before the end of the file";
				}
				break;
			}
			if (++length > this.maxLength && problem == null) {
				problem = "the row is longer than " + this.maxLength + " characters";
			}
			if (inQuotes) {
				if (c == '"') {
					if (this.input.peek() == '"') {
						this.input.read();
						append(cell, '"', problem);
					}
					else {
						inQuotes = false;
					}
				}
				else {
					append(cell, (char) c, problem);
				}
			}
			else if (c == ',') {
				cells.add(cell(cell, problem));
				cell.setLength(0);
				quoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && this.input.peek() == '\n') {
					this.input.read();
				}
				break;
			}
			else if (c == '"' && !quoted && cell.toString().isBlank()) {
				cell.setLength(0);
				inQuotes = true;
				quoted = true;
			}
			else if (quoted) {
				if (!Character.isWhitespace(c) && problem == null) {
					problem = "text after the closing quote of column " + (cells.size() + 1);
				}
			}
			else {
				append(cell, (char) c, problem);
			}
		}
		cells.add(cell(cell, problem));
		return new Record(line, cells, problem);
	}

	/** Once a row is known to be bad, its text is no longer kept: an over-long row must not fill the memory. */
	private static void append(StringBuilder cell, char c, String problem) {
		if (problem == null) {
			cell.append(c);
		}
	}

	private static String cell(StringBuilder cell, String problem) {
		return (problem == null) ? cell.toString() : "";
	}

	@Override
	public void close() throws IOException {
		this.input.close();
	}

}
