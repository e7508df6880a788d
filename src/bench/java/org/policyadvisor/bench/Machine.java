package org.policyadvisor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on: cores, processor, memory, Java, and how busy the machine was. */
record Machine(int cores, String cpu, double memoryGb, String os, String java, double loadAtStart) {

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
				System.getProperty("java.vm.name") + " " + Runtime.version(), loadAverage());
	}

	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	String summary() {
		return String.format(Locale.ROOT, "%d cores (%s), %.0f GB memory, %s; the suite ran on %s", this.cores,
				this.cpu, this.memoryGb, this.os, this.java);
	}

}
