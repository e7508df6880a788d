package org.policyadvisor.engine;

import java.util.List;

/**
 * What a rule pack is and which paper it encodes. {@code paper} names the source file (kept outside the product)
 * against which quotes are checked.
 */
public record PackDescriptor(String id, String title, String version, String citation, String paper,
		List<Theme> themes, List<Chapter> chapters, List<NeverRecommended> neverRecommended,
		List<Conflict> conflicts) {

	public PackDescriptor {
		themes = (themes == null) ? List.of() : List.copyOf(themes);
		chapters = (chapters == null) ? List.of() : List.copyOf(chapters);
		neverRecommended = (neverRecommended == null) ? List.of() : List.copyOf(neverRecommended);
		conflicts = (conflicts == null) ? List.of() : List.copyOf(conflicts);
	}

	/** A part of the paper; rule ids start with its number ({@code R3.07} is in chapter 3). */
	public record Chapter(int number, String title) {
	}

	private static final java.util.regex.Pattern RULE_CHAPTER = java.util.regex.Pattern.compile("^R(\\d+)\\.");

	/** The chapter a rule id belongs to, by the number after the "R". */
	public java.util.Optional<Chapter> chapterOf(String ruleId) {
		java.util.regex.Matcher m = RULE_CHAPTER.matcher(ruleId);
		if (!m.find()) {
			return java.util.Optional.empty();
		}
		int number = Integer.parseInt(m.group(1));
		return this.chapters.stream().filter((c) -> c.number() == number).findFirst();
	}

	/**
	 * A course of action the paper argues against, which must never be offered as a recommendation whatever the
	 * conditions. {@code related} names conclusions (risks, disputed beliefs) that describe it instead.
	 */
	public record NeverRecommended(String id, String title, String reason, String source, String quote,
			List<String> related) {

		public NeverRecommended {
			related = (related == null) ? List.of() : List.copyOf(related);
		}

	}

	/**
	 * Two conclusions that contradict each other: no situation should make both hold. The verifier searches for
	 * one that does; {@code reason} says why the paper treats them as incompatible.
	 */
	public record Conflict(String a, String b, String reason) {
	}

}
