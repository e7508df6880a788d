package org.policyadvisor.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 requests each on a connection of its own ({@code Connection: close}), for tests that must tell apart what
 * happened to a request when the server stops under it: refused at connect, reset before any byte of a response,
 * a response cut short, or a complete response. An HTTP client library with a connection pool hides exactly these
 * differences (it reuses connections and retries), so this one reads the bytes itself and checks the body's framing.
 */
final class OneShotHttp {

	enum Kind {

		/** The connection was refused: nothing listened on the port. */
		REFUSED,

		/** Connected, then the connection was closed or reset before any byte of a response. */
		NO_RESPONSE,

		/** Some of a response came, then the connection ended before its body was complete. */
		TRUNCATED,

		/** A whole response: status line, headers, and the body its framing announced. */
		COMPLETE

	}

	/**
	 * What became of one request.
	 *
	 * @param status the response's status, 0 unless {@link Kind#COMPLETE} or {@link Kind#TRUNCATED}
	 * @param body the decoded body of a complete response, else what came of it
	 * @param problem the exception that ended an incomplete exchange, else null
	 */
	record Outcome(Kind kind, int status, String body, String problem) {
	}

	private OneShotHttp() {
	}

	static byte[] get(int port, String pathAndQuery, String accept) {
		return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] postJson(int port, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[head.length + body.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	/** Sends one request on a new connection and reads until the server closes it. */
	static Outcome send(int port, byte[] request, int timeoutMillis) {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		try (Socket socket = new Socket()) {
			try {
				socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
			}
			catch (ConnectException refused) {
				return new Outcome(Kind.REFUSED, 0, "", refused.toString());
			}
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[16 * 1024];
			for (int n; (n = in.read(buffer)) >= 0;) {
				received.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			return incomplete(received.toByteArray(), ex.toString());
		}
		return parse(received.toByteArray());
	}

	private static Outcome incomplete(byte[] bytes, String problem) {
		if (bytes.length == 0) {
			return new Outcome(Kind.NO_RESPONSE, 0, "", problem);
		}
		Outcome parsed = parse(bytes);
		// Everything had arrived when the connection failed (a reset after the last byte): the response is whole.
		return (parsed.kind() == Kind.COMPLETE) ? parsed
				: new Outcome(Kind.TRUNCATED, parsed.status(), parsed.body(), problem);
	}

	/** A response read to the end of its connection: complete only if its body is as long as its framing says. */
	static Outcome parse(byte[] bytes) {
		if (bytes.length == 0) {
			return new Outcome(Kind.NO_RESPONSE, 0, "", "the connection closed without a response");
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		int status = (text.startsWith("HTTP/1.1 ") && text.length() >= 12) ? parseStatus(text.substring(9, 12)) : 0;
		if (headEnd < 0 || status == 0) {
			return new Outcome(Kind.TRUNCATED, status, "", "the headers did not end");
		}
		long length = -1;
		boolean chunked = false;
		for (String line : text.substring(0, headEnd).split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		int bodyStart = headEnd + 4;
		if (chunked) {
			return dechunk(bytes, bodyStart, status);
		}
		int available = bytes.length - bodyStart;
		if (length >= 0 && available != length) {
			return new Outcome(Kind.TRUNCATED, status, utf8(bytes, bodyStart, available),
					"Content-Length " + length + ", received " + available);
		}
		// Without a length or chunking the body runs to the end of the connection, which it did.
		return new Outcome(Kind.COMPLETE, status, utf8(bytes, bodyStart, available), null);
	}

	private static Outcome dechunk(byte[] bytes, int from, int status) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = from;
		while (true) {
			int lineEnd = indexOfCrlf(bytes, at);
			if (lineEnd < 0) {
				return new Outcome(Kind.TRUNCATED, status, body.toString(StandardCharsets.UTF_8), "a chunk cut short");
			}
			String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt(((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
			at = lineEnd + 2;
			if (size == 0) {
				// The last chunk; then optional trailers and an empty line.
				return new Outcome(Kind.COMPLETE, status, body.toString(StandardCharsets.UTF_8), null);
			}
			if (at + size + 2 > bytes.length) {
				body.write(bytes, at, Math.max(0, Math.min(size, bytes.length - at)));
				return new Outcome(Kind.TRUNCATED, status, body.toString(StandardCharsets.UTF_8), "a chunk cut short");
			}
			body.write(bytes, at, size);
			at += size + 2;
		}
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static int parseStatus(String digits) {
		try {
			return Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String utf8(byte[] bytes, int from, int length) {
		return new String(bytes, from, Math.max(0, length), StandardCharsets.UTF_8);
	}

}
