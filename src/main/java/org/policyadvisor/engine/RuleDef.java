package org.policyadvisor.engine;

import java.util.List;

/**
 * A rule as the pack declares it, read from its DRL: the claim it encodes, where the paper makes it, and what it
 * reads and produces.
 */
public record RuleDef(String id, String name, String claim, String file, int line, String source, String quote,
		Strength strength, List<Premise> premises, List<String> produces, String drl) {

	public RuleDef {
		premises = List.copyOf(premises);
		produces = List.copyOf(produces);
	}

	public String location() {
		return this.file + ":" + this.line;
	}

	public List<String> reads() {
		return this.premises.stream().map(Premise::id).distinct().toList();
	}

}
