package org.policyadvisor.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Strength;

/**
 * The rule catalogue's filters; {@code null} means "any". {@code text} is the free-text query, trimmed, or
 * {@code null} when blank.
 */
record RuleFilter(String theme, Strength strength, ConclusionKind kind, Integer chapter, String text) {

	static final RuleFilter NONE = new RuleFilter(null, null, null, null, null);

	/** Free text longer than this is cut: no rule says that much, and it keeps a pasted page from being echoed. */
	static final int MAX_TEXT = 200;

	/** A filter read from the query string, with a message for each value that is not one of the options. */
	record Parsed(RuleFilter filter, Map<String, String> errors) {
	}

	public boolean any() {
		return this.theme != null || this.strength != null || this.kind != null || this.chapter != null
				|| this.text != null;
	}

	/**
	 * Reads the raw query parameters. A bad value is left out of the filter and reported, so that the page still
	 * shows what the valid filters match.
	 */
	static Parsed parse(RulePack pack, String theme, String strength, String kind, String chapter, String text) {
		Map<String, String> errors = new LinkedHashMap<>();
		String themeId = blankToNull(theme);
		if (themeId != null && pack.descriptor().themes().stream().noneMatch((t) -> t.id().equals(themeId))) {
			errors.put("theme", "There is no theme '" + shorten(themeId) + "'; choose one from the list.");
		}
		Strength s = null;
		if (blankToNull(strength) != null) {
			s = Strength.parse(strength);
			if (s == null) {
				errors.put("strength",
						"Strength must be asserted, likely or possible (got '" + shorten(strength.strip()) + "').");
			}
		}
		ConclusionKind k = null;
		if (blankToNull(kind) != null) {
			k = kind(kind.strip());
			if (k == null) {
				errors.put("kind", "Kind must be effect, risk, recommendation or disputed (got '"
						+ shorten(kind.strip()) + "').");
			}
		}
		Integer c = null;
		if (blankToNull(chapter) != null) {
			c = chapter(pack, chapter.strip());
			if (c == null) {
				errors.put("chapter", "There is no part of the paper numbered '" + shorten(chapter.strip())
						+ "'; choose one from the list.");
			}
		}
		String t = blankToNull(text);
		if (t != null && t.length() > MAX_TEXT) {
			t = t.substring(0, MAX_TEXT);
		}
		RuleFilter filter = new RuleFilter(errors.containsKey("theme") ? null : themeId, s, k, c, t);
		return new Parsed(filter, errors);
	}

	static ConclusionKind kind(String text) {
		for (ConclusionKind kind : ConclusionKind.values()) {
			if (kind.name().equalsIgnoreCase(text)) {
				return kind;
			}
		}
		return null;
	}

	/** The option value of a kind in the form and the query string. */
	static String param(ConclusionKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	private static Integer chapter(RulePack pack, String text) {
		if (!text.matches("\\d{1,3}")) {
			return null;
		}
		int number = Integer.parseInt(text);
		return pack.descriptor().chapters().stream().anyMatch((ch) -> ch.number() == number) ? number : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

}
