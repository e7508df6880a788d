package org.policyadvisor.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Characters from a reader, one at a time, counting lines as it goes ({@code \n}, {@code \r\n} and a lone
 * {@code \r} each end one), so that every problem can be reported at its line. Reads ahead a buffer's worth only,
 * whatever the size of the input. Drops a byte-order mark at the start.
 */
final class TextInput implements Closeable {

	private final Reader reader;

	private final char[] buffer = new char[8192];

	private int position;

	private int limit;

	private int line = 1;

	TextInput(Reader reader) throws IOException {
		this.reader = reader;
		if (peek() == '\uFEFF') {
			this.position++;
		}
	}

	/** The line of the next character. */
	int line() {
		return this.line;
	}

	/** The next character, or -1 at the end of the input. */
	int read() throws IOException {
		int c = peek();
		if (c >= 0) {
			this.position++;
			if (c == '\n' || (c == '\r' && peek() != '\n')) {
				this.line++;
			}
		}
		return c;
	}

	/** The next character without reading it, or -1 at the end of the input. */
	int peek() throws IOException {
		while (this.position >= this.limit) {
			int n = this.reader.read(this.buffer, 0, this.buffer.length);
			if (n < 0) {
				return -1;
			}
			this.position = 0;
			this.limit = n;
		}
		return this.buffer[this.position];
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
