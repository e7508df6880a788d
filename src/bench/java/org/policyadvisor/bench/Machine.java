package org.policyadvisor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the figures were measured on: cores, processor, memory, Java, and how busy the machine was. Busy is measured as
 * the share of the cores in use while the suite itself is idle (before it starts anything, and after it has stopped
 * everything): the load average cannot tell, since it counts the suite's own servers and load generator, and a
 * one-minute average still carries the build that ran just before.
 */
record Machine(int cores, String cpu, double memoryGb, String os, String java, double loadAtStart,
		double busyAtStart) {

	private static final Duration IDLE_WINDOW = Duration.ofSeconds(3);

	/** Above this share of the cores in use by others, the figures are marked preliminary. */
	private static final double BUSY = 0.25;

	static Machine describe() {
		String cpu = "unknown processor";
		double memory = Double.NaN;
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
			memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter((l) -> l.startsWith("MemTotal:"))
				.map((l) -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0).findFirst().orElse(memory);
		}
		catch (IOException ex) {
			// Not Linux: the report says unknown.
		}
		return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory,
				System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("java.vm.name") + " " + Runtime.version(), loadAverage(), busy());
	}

	/**
	 * The share of all cores in use over a short window, from {@code /proc/stat}; NaN where there is none. Call it only
	 * while the suite runs nothing, so that what it finds is other processes' work.
	 */
	static double busy() {
		try {
			long[] before = cpuTimes();
			Thread.sleep(IDLE_WINDOW.toMillis());
			long[] after = cpuTimes();
			double total = after[0] - before[0];
			return (total > 0) ? (after[1] - before[1]) / total : Double.NaN;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	/** Total and busy jiffies of all cores: busy is everything but idle and I/O wait. */
	private static long[] cpuTimes() throws IOException {
		List<String> fields = List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"));
		long total = 0;
		for (int i = 1; i < Math.min(fields.size(), 9); i++) {
			total += Long.parseLong(fields.get(i));
		}
		long idle = Long.parseLong(fields.get(4)) + Long.parseLong(fields.get(5));
		return new long[] { total, total - idle };
	}

	/**
	 * The report's lines on how busy the machine was, and a warning when others used more than a quarter of it.
	 * @param busyAtEnd {@link #busy()} once the suite has stopped everything it started
	 */
	String busyLines(double loadAtEnd, double busyAtEnd) {
		StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
				"- Other work on the machine: %s of the cores in use in the %d s before the run and %s in the %d s"
						+ " after it, while the suite itself ran nothing. (Load average %.1f at the start and %.1f at"
						+ " the end; it counts the suite's own servers and load generator, and the build before it.)%n%n",
				percent(this.busyAtStart), IDLE_WINDOW.toSeconds(), percent(busyAtEnd), IDLE_WINDOW.toSeconds(),
				this.loadAtStart, loadAtEnd));
		if (Math.max(this.busyAtStart, busyAtEnd) > BUSY) {
			md.append("**The machine was busy during this run** (other processes used more than a quarter of the"
					+ " cores): absolute figures are lower than the application's own, and ratios are distorted too."
					+ " Treat this run as preliminary and run it again on a quiet machine.\n\n");
		}
		return md.toString();
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "unknown" : String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	String summary() {
		return String.format(Locale.ROOT, "%d cores (%s), %.0f GB memory, %s; the suite ran on %s", this.cores,
				this.cpu, this.memoryGb, this.os, this.java);
	}

}
