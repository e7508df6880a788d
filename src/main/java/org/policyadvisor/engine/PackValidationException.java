package org.policyadvisor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that must not be served: every problem found, each with its file and line. */
public class PackValidationException extends RuntimeException {

	private final String pack;

	private final List<PackProblem> problems;

	public PackValidationException(String pack, List<PackProblem> problems) {
		super("Rule pack '" + pack + "' is invalid (" + problems.size() + " problem"
				+ ((problems.size() == 1) ? "" : "s") + "):\n"
				+ problems.stream().map((p) -> "  " + p).collect(Collectors.joining("\n")));
		this.pack = pack;
		this.problems = List.copyOf(problems);
	}

	public String pack() {
		return this.pack;
	}

	public List<PackProblem> problems() {
		return this.problems;
	}

}
