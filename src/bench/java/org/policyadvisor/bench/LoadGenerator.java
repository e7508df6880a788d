package org.policyadvisor.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator in the manner of wrk: a few threads, each driving its share of keep-alive
 * connections with a selector; every connection sends a request, reads the whole response, and sends the next.
 * Latency is from the first byte sent to the last byte received; only requests sent and answered within the
 * measurement window count, after a warm-up that is not recorded. Bodies are parsed as they stream past (length or
 * chunked), never stored. A response other than 2xx, or a connection lost mid-response, is an error.
 */
final class LoadGenerator {

	private static final long DRAIN_NANOS = 2_000_000_000L;

	private LoadGenerator() {
	}

	record Result(long requests, long errors, double seconds, Histogram latencies, long bytes) {

		double throughput() {
			return this.requests / this.seconds;
		}

		double percentileMillis(double percentile) {
			return (this.latencies.getTotalCount() == 0) ? Double.NaN
					: this.latencies.getValueAtPercentile(percentile) / 1000.0;
		}

		double meanBytes() {
			return (this.requests == 0) ? 0 : (double) this.bytes / this.requests;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", throughput(),
					percentileMillis(50), percentileMillis(99), this.errors);
		}

	}

	/** Builds a request's bytes. */
	static byte[] get(String host, String pathAndQuery) {
		return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] postJson(String host, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host
				+ "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[head.length + body.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	/** The requests to send, by index: each index is asked for once per run (the threads take turns). */
	interface Requests {

		byte[] request(long index);

		static Requests cycling(List<byte[]> list) {
			return (i) -> list.get((int) (i % list.size()));
		}

	}

	static Result run(InetSocketAddress address, Requests requests, int threads, int connections,
			Duration warmUp, Duration measure) throws IOException, InterruptedException {
		return run(address, requests, threads, connections, warmUp, measure, 0);
	}

	/**
	 * As {@link #run(InetSocketAddress, Requests, int, int, Duration, Duration)}, but with at most
	 * {@code ratePerSecond} requests a second sent (spread evenly, each thread its share; 0 for as fast as the
	 * server answers): a moderate load for a soak rather than the most the server can take. A connection whose next
	 * request is not due yet waits; latency is still from the request's first byte, so a server slower than the rate
	 * makes the connections queue here, not in the figures (no correction for coordinated omission).
	 */
	static Result run(InetSocketAddress address, Requests requests, int threads, int connections,
			Duration warmUp, Duration measure, double ratePerSecond) throws IOException, InterruptedException {
		long interval = (ratePerSecond > 0) ? (long) (threads * 1e9 / ratePerSecond) : 0;
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long measureTo = measureFrom + measure.toNanos();
		List<Worker> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int share = connections / threads + ((t < connections % threads) ? 1 : 0);
			workers.add(new Worker(address, requests, share, t, threads, measureFrom, measureTo, interval));
		}
		List<Thread> running = new ArrayList<>();
		for (Worker w : workers) {
			Thread thread = new Thread(w, "load-" + running.size());
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		Histogram all = new Histogram(60_000_000L, 3);
		long count = 0;
		long errors = 0;
		long bytes = 0;
		for (Worker w : workers) {
			if (w.failure != null) {
				throw w.failure;
			}
			all.add(w.latencies);
			count += w.count;
			errors += w.errors;
			bytes += w.bytes;
		}
		return new Result(count, errors, measure.toNanos() / 1e9, all, bytes);
	}

	private static final class Worker implements Runnable {

		private final InetSocketAddress address;

		private final Requests requests;

		private final int connections;

		private final int stride;

		private final long measureFrom;

		private final long measureTo;

		/** Nanoseconds between this thread's requests when paced, else 0. */
		private final long interval;

		private long nextSlot;

		/** Paced connections waiting for their slot, in the order of their slots. */
		private final ArrayDeque<SelectionKey> waiting = new ArrayDeque<>();

		private final Histogram latencies = new Histogram(60_000_000L, 3);

		private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);

		private long count;

		private long errors;

		private long bytes;

		private long next;

		private IOException failure;

		Worker(InetSocketAddress address, Requests requests, int connections, int first, int stride,
				long measureFrom, long measureTo, long interval) {
			this.address = address;
			this.interval = interval;
			this.requests = requests;
			this.connections = connections;
			this.next = first;
			this.stride = stride;
			this.measureFrom = measureFrom;
			this.measureTo = measureTo;
		}

		@Override
		public void run() {
			try (Selector selector = Selector.open()) {
				for (int c = 0; c < this.connections; c++) {
					connect(selector, new Connection());
				}
				while (System.nanoTime() < this.measureTo + DRAIN_NANOS && !selector.keys().isEmpty()) {
					long timeout = 10;
					if (!this.waiting.isEmpty()) {
						long due = ((Connection) this.waiting.peek().attachment()).dueAt - System.nanoTime();
						timeout = Math.max(1, Math.min(10, due / 1_000_000));
					}
					selector.select(timeout);
					Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						handle(selector, key);
					}
					long now = System.nanoTime();
					while (!this.waiting.isEmpty()
							&& ((Connection) this.waiting.peek().attachment()).dueAt <= now) {
						SelectionKey key = this.waiting.poll();
						dispatch(key, (Connection) key.attachment());
					}
				}
				for (SelectionKey key : selector.keys()) {
					key.channel().close();
				}
			}
			catch (IOException ex) {
				this.failure = ex;
			}
		}

		private void connect(Selector selector, Connection connection) throws IOException {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			connection.channel = channel;
			if (channel.connect(this.address)) {
				send(channel.register(selector, 0, connection), connection);
			}
			else {
				channel.register(selector, SelectionKey.OP_CONNECT, connection);
			}
		}

		private void send(SelectionKey key, Connection connection) {
			long now = System.nanoTime();
			if (this.interval > 0) {
				long slot = Math.max(this.nextSlot, now);
				this.nextSlot = slot + this.interval;
				if (slot > now) {
					connection.dueAt = slot;
					key.interestOps(0);
					this.waiting.add(key);
					return;
				}
			}
			dispatch(key, connection);
		}

		private void dispatch(SelectionKey key, Connection connection) {
			long now = System.nanoTime();
			if (now >= this.measureTo) {
				close(key);
				return;
			}
			connection.out = ByteBuffer.wrap(this.requests.request(this.next));
			this.next += this.stride;
			// After building the request: its latency is the server's and the network's.
			connection.sentAt = System.nanoTime();
			connection.parser.reset();
			key.interestOps(SelectionKey.OP_WRITE);
		}

		private void handle(Selector selector, SelectionKey key) throws IOException {
			Connection connection = (Connection) key.attachment();
			SocketChannel channel = connection.channel;
			try {
				if (key.isConnectable()) {
					channel.finishConnect();
					send(key, connection);
					return;
				}
				if (key.isWritable()) {
					channel.write(connection.out);
					if (!connection.out.hasRemaining()) {
						key.interestOps(SelectionKey.OP_READ);
					}
					return;
				}
				if (key.isReadable()) {
					this.buffer.clear();
					int read = channel.read(this.buffer);
					if (read < 0) {
						// The server closed the connection: an error unless it was between responses.
						fail(connection);
						reconnect(selector, key, connection);
						return;
					}
					this.buffer.flip();
					connection.received += read;
					if (connection.parser.feed(this.buffer)) {
						complete(connection);
						if (connection.parser.close) {
							reconnect(selector, key, connection);
						}
						else {
							send(key, connection);
						}
					}
				}
			}
			catch (IOException ex) {
				fail(connection);
				reconnect(selector, key, connection);
			}
		}

		private void complete(Connection connection) {
			long now = System.nanoTime();
			if (connection.sentAt >= this.measureFrom && now <= this.measureTo) {
				if (connection.parser.status >= 200 && connection.parser.status < 300) {
					this.latencies.recordValue(Math.min((now - connection.sentAt) / 1000, 60_000_000L));
					this.count++;
					this.bytes += connection.received;
				}
				else {
					this.errors++;
				}
			}
			connection.received = 0;
		}

		private void fail(Connection connection) {
			if (connection.sentAt >= this.measureFrom && System.nanoTime() <= this.measureTo
					&& connection.parser.started()) {
				this.errors++;
			}
			connection.received = 0;
		}

		private void reconnect(Selector selector, SelectionKey key, Connection connection) throws IOException {
			close(key);
			if (System.nanoTime() < this.measureTo) {
				connect(selector, new Connection());
			}
		}

		private static void close(SelectionKey key) {
			key.cancel();
			try {
				key.channel().close();
			}
			catch (IOException ex) {
				// Closing: nothing to do.
			}
		}

	}

	private static final class Connection {

		private SocketChannel channel;

		private ByteBuffer out;

		private long sentAt = Long.MIN_VALUE;

		private long dueAt;

		private long received;

		private final ResponseParser parser = new ResponseParser();

	}

	/** Parses an HTTP/1.1 response as it arrives: status, the headers that frame the body, and the body. */
	static final class ResponseParser {

		private enum State {

			STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, DONE

		}

		private State state = State.STATUS;

		private final StringBuilder line = new StringBuilder();

		private long remaining;

		private long contentLength;

		private boolean chunked;

		int status;

		boolean close;

		void reset() {
			this.state = State.STATUS;
			this.line.setLength(0);
			this.remaining = 0;
			this.contentLength = -1;
			this.chunked = false;
			this.status = 0;
			this.close = false;
		}

		boolean started() {
			return this.state != State.STATUS || this.line.length() > 0;
		}

		/** Consumes bytes; true once the response is complete. */
		boolean feed(ByteBuffer in) {
			while (in.hasRemaining() && this.state != State.DONE) {
				switch (this.state) {
					case BODY, CHUNK_DATA -> {
						int skip = (int) Math.min(this.remaining, in.remaining());
						in.position(in.position() + skip);
						this.remaining -= skip;
						if (this.remaining == 0) {
							this.state = (this.state == State.BODY) ? State.DONE : State.CHUNK_END;
						}
					}
					default -> {
						String text = readLine(in);
						if (text != null) {
							line(text);
						}
					}
				}
			}
			return this.state == State.DONE;
		}

		private String readLine(ByteBuffer in) {
			while (in.hasRemaining()) {
				char c = (char) (in.get() & 0xff);
				if (c == '\n') {
					int end = this.line.length();
					if (end > 0 && this.line.charAt(end - 1) == '\r') {
						this.line.setLength(end - 1);
					}
					String text = this.line.toString();
					this.line.setLength(0);
					return text;
				}
				this.line.append(c);
			}
			return null;
		}

		private void line(String text) {
			switch (this.state) {
				case STATUS -> {
					// HTTP/1.1 200 OK
					String[] parts = text.split(" ", 3);
					this.status = (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
					this.state = State.HEADERS;
				}
				case HEADERS -> {
					if (text.isEmpty()) {
						if (this.chunked) {
							this.state = State.CHUNK_SIZE;
						}
						else if (this.contentLength > 0) {
							this.remaining = this.contentLength;
							this.state = State.BODY;
						}
						else {
							this.state = State.DONE;
						}
						return;
					}
					int colon = text.indexOf(':');
					if (colon > 0) {
						String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
						String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
						switch (name) {
							case "content-length" -> this.contentLength = Long.parseLong(value);
							case "transfer-encoding" -> this.chunked = value.contains("chunked");
							case "connection" -> this.close = value.contains("close");
							default -> {
							}
						}
					}
				}
				case CHUNK_SIZE -> {
					int semicolon = text.indexOf(';');
					long size = Long.parseLong((semicolon >= 0) ? text.substring(0, semicolon).trim() : text.trim(), 16);
					if (size == 0) {
						this.state = State.TRAILER;
					}
					else {
						this.remaining = size;
						this.state = State.CHUNK_DATA;
					}
				}
				case CHUNK_END -> this.state = State.CHUNK_SIZE;
				case TRAILER -> {
					if (text.isEmpty()) {
						this.state = State.DONE;
					}
				}
				default -> throw new IllegalStateException("unexpected line in state " + this.state);
			}
		}

	}

}
