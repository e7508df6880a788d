package org.policyadvisor.engine;

/** One reason a pack is invalid, located in a pack file. */
public record PackProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line + ": " + this.message : this.file + ": " + this.message;
	}

}
