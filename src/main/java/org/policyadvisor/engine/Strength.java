package org.policyadvisor.engine;

import java.util.Locale;

/** How firmly the paper makes a claim, weakest first; a chain of claims is only as strong as its weakest link. */
public enum Strength {

	POSSIBLE("possible", "The paper says this could or may happen."),
	LIKELY("likely", "The paper presents this as a risk or a probable outcome."),
	ASSERTED("asserted", "The paper states this as fact or recommends it outright.");

	private final String label;

	private final String meaning;

	Strength(String label, String meaning) {
		this.label = label;
		this.meaning = meaning;
	}

	public String label() {
		return this.label;
	}

	public String meaning() {
		return this.meaning;
	}

	public static Strength parse(String text) {
		for (Strength s : values()) {
			if (s.label.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
				return s;
			}
		}
		return null;
	}

	public Strength weakest(Strength other) {
		return compareTo(other) <= 0 ? this : other;
	}

}
