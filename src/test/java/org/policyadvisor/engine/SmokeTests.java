package org.policyadvisor.engine;

import org.junit.jupiter.api.Test;

class SmokeTests {

	@Test
	void defaults() {
		RuleBase rb = TestPacks.shipped();
		Evaluation e = rb.evaluate(rb.pack().defaults());
		e.findings().forEach(f -> System.out.println(f.conclusionId() + " " + f.strength() + " " + f.derivations().stream().map(d -> d.ruleId() + "/" + d.strength()).toList()));
		System.out.println("ABSENT");
		e.absences().forEach(a -> System.out.println(a.conclusionId() + " " + a.attempts().stream().map(t -> t.ruleId() + t.unmet().stream().map(u -> u.premise().id()).toList()).toList()));
		System.out.println("firings " + e.firings());
		rb.pack().rules().forEach(r -> System.out.println(r.id() + " " + r.location() + " " + r.source() + " | " + r.strength()));
	}

}
