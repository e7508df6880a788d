package org.policyadvisor.compare;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policyadvisor.engine.RulePack;

/**
 * One scenario of a comparison as a link names it, in a {@code s} query parameter: {@code preset:<scenario id>},
 * {@code saved:<saved scenario id>}, {@code defaults} (the early-2019 situation) or {@code current:<conditions>},
 * where the conditions are a query string as on {@code /advice} ({@code oil_price=low&genuine_reforms=partial}),
 * encoded once more as the parameter's value. A result's conditions thereby travel in the link, and nothing is stored.
 *
 * @param kind what the source names
 * @param id the preset's or saved scenario's id; {@code null} for the others
 * @param given the conditions of a {@code current:} source as given, by condition id; empty for the others
 */
public record Source(Kind kind, String id, Map<String, String> given) {

	public enum Kind {

		PRESET("preset"), SAVED("saved"), DEFAULTS("defaults"), CURRENT("current");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return this.prefix;
		}

	}

	/** Longer than any honest source: a link carrying every condition of the pack is under 3,000 characters. */
	static final int MAX_LENGTH = 6000;

	static final String SYNTAX = "Each source is defaults, preset:<scenario id>, saved:<saved scenario id> or"
			+ " current:<conditions as on /advice>.";

	/** Where a saved scenario's id stands in its view and edit links, e.g. {@code https://host/scenarios/<id>}. */
	private static final Pattern SAVED_LINK = Pattern.compile("/scenarios/([A-Za-z0-9_-]{16})(?:[/?#]|$)");

	private static final Pattern BARE_SAVED_ID = Pattern.compile("[A-Za-z0-9_-]{16}");

	/**
	 * A link to a result page or to the form ({@code /advice?...}, {@code /?...}), with or without the host: its query
	 * string holds conditions as a {@code current:} source does.
	 */
	private static final Pattern PAGE_LINK = Pattern
		.compile("^(?:https?://[^/?#]+)?(?:(?:/[^?#]*)?/advice|/)?(?:\\?([^#]*))?(?:#.*)?$");

	/** The query parameter of result and form links that names a preset scenario. */
	private static final String SCENARIO_PARAM = "scenario";

	public Source {
		given = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(given));
	}

	static Source defaults() {
		return new Source(Kind.DEFAULTS, null, Map.of());
	}

	static Source preset(String id) {
		return new Source(Kind.PRESET, id, Map.of());
	}

	static Source saved(String id) {
		return new Source(Kind.SAVED, id, Map.of());
	}

	static Source current(Map<String, String> given) {
		return new Source(Kind.CURRENT, null, given);
	}

	/** The outcome of reading a source: the source, or why the text is not one. */
	record Parsed(Source source, String error) {

		boolean valid() {
			return this.source != null;
		}

		static Parsed ok(Source source) {
			return new Parsed(source, null);
		}

		static Parsed error(String message) {
			return new Parsed(null, message);
		}

	}

	/** Reads the value of one {@code s} parameter (already decoded once, as the servlet container does). */
	static Parsed parse(String text) {
		if (text == null || text.isBlank()) {
			return Parsed.error("The source is empty. " + SYNTAX);
		}
		if (text.length() > MAX_LENGTH) {
			return Parsed.error("The source is " + text.length() + " characters long, more than the " + MAX_LENGTH
					+ " allowed.");
		}
		String s = text.strip();
		if (s.equals(Kind.DEFAULTS.prefix())) {
			return Parsed.ok(defaults());
		}
		int colon = s.indexOf(':');
		String prefix = (colon < 0) ? s : s.substring(0, colon);
		String rest = (colon < 0) ? "" : s.substring(colon + 1).strip();
		for (Kind kind : Kind.values()) {
			if (kind != Kind.DEFAULTS && kind.prefix().equals(prefix) && colon >= 0) {
				return switch (kind) {
					case PRESET, SAVED -> rest.isEmpty()
							? Parsed.error("'" + prefix + ":' needs an id after the colon, e.g. " + prefix + ":"
									+ ((kind == Kind.PRESET) ? "what-if-oil-price-collapse" : "<16-character id>") + ".")
							: Parsed.ok(new Source(kind, rest, Map.of()));
					case CURRENT -> conditions(rest);
					case DEFAULTS -> throw new IllegalStateException("handled above");
				};
			}
		}
		return Parsed.error("'" + abbreviate(s) + "' is not a source. " + SYNTAX);
	}

	/**
	 * Reads what a user typed or pasted into the picker: a saved scenario's view (or edit) link or bare id, a preset's
	 * id, a result page's or the form's link, or a source as {@link #parse} reads it. Only a saved scenario's id is
	 * taken from its link, never a secret edit token.
	 */
	static Parsed parseTyped(String text, RulePack pack) {
		if (text == null || text.isBlank()) {
			return Parsed.error("Nothing was entered.");
		}
		String s = text.strip();
		if (s.length() > MAX_LENGTH) {
			return parse(s);
		}
		Matcher saved = SAVED_LINK.matcher(s);
		if (saved.find()) {
			return Parsed.ok(saved(saved.group(1)));
		}
		if (pack.scenario(s).isPresent()) {
			return Parsed.ok(preset(s));
		}
		if (BARE_SAVED_ID.matcher(s).matches()) {
			return Parsed.ok(saved(s));
		}
		Matcher link = PAGE_LINK.matcher(s);
		if (link.matches()) {
			return fromPageLink((link.group(1) != null) ? link.group(1) : "", pack);
		}
		Parsed parsed = parse(s);
		if (!parsed.valid() && !s.contains(":")) {
			return Parsed.error("'" + abbreviate(s) + "' is neither a saved scenario's link or id, a scenario's id,"
					+ " nor a result's link. " + SYNTAX);
		}
		return parsed;
	}

	/**
	 * A result page's (or the form's) query string: its conditions, over those of the scenario it names, if any. A
	 * scenario alone is that preset.
	 */
	private static Parsed fromPageLink(String query, RulePack pack) {
		Parsed parsed = conditions(query);
		if (!parsed.valid()) {
			return parsed;
		}
		Map<String, String> given = new LinkedHashMap<>(parsed.source().given());
		String scenarioId = given.remove(SCENARIO_PARAM);
		if (scenarioId == null || scenarioId.isEmpty()) {
			return Parsed.ok(current(given));
		}
		if (pack.scenario(scenarioId).isEmpty()) {
			return Parsed.error("The link names the scenario '" + abbreviate(scenarioId)
					+ "', which this rule pack does not have.");
		}
		if (given.isEmpty()) {
			return Parsed.ok(preset(scenarioId));
		}
		Map<String, String> values = new LinkedHashMap<>(pack.scenario(scenarioId).orElseThrow().conditions());
		values.putAll(given);
		return Parsed.ok(current(values));
	}

	/** The conditions of a {@code current:} source: a query string, its names and values percent-encoded. */
	private static Parsed conditions(String query) {
		String q = query.startsWith("?") ? query.substring(1) : query;
		Map<String, String> given = new LinkedHashMap<>();
		for (String pair : q.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				return Parsed.error("'" + abbreviate(pair) + "' is not of the form condition=value.");
			}
			String name;
			String value;
			try {
				name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).strip();
				value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
			}
			catch (IllegalArgumentException ex) {
				return Parsed.error("'" + abbreviate(pair) + "' has a malformed %-escape.");
			}
			String earlier = given.putIfAbsent(name, value);
			if (earlier != null && !earlier.equals(value)) {
				return Parsed.error("'" + abbreviate(name) + "' is given twice, as '" + abbreviate(earlier) + "' and '"
						+ abbreviate(value) + "'.");
			}
		}
		return Parsed.ok(current(given));
	}

	/**
	 * How a link writes this source: {@code current:} keeps only the conditions that differ from the pack's
	 * early-2019 defaults, in the pack's order, so that links stay short and equal situations read the same.
	 */
	String canonical(RulePack pack) {
		return switch (this.kind) {
			case DEFAULTS -> Kind.DEFAULTS.prefix();
			case PRESET, SAVED -> this.kind.prefix() + ":" + this.id;
			case CURRENT -> Kind.CURRENT.prefix() + ":" + query(changedFromDefaults(pack, this.given));
		};
	}

	/** The given conditions that are conditions of the pack and differ from its defaults, in the pack's order. */
	static Map<String, String> changedFromDefaults(RulePack pack, Map<String, String> values) {
		Map<String, String> changed = new LinkedHashMap<>();
		pack.conditions().forEach((c) -> {
			String v = values.get(c.id());
			if (v != null && !v.equals(c.defaultValue())) {
				changed.put(c.id(), v);
			}
		});
		return changed;
	}

	static String query(Map<String, String> values) {
		StringBuilder query = new StringBuilder();
		values.forEach((k, v) -> {
			if (!query.isEmpty()) {
				query.append('&');
			}
			query.append(encode(k)).append('=').append(encode(v));
		});
		return query.toString();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
