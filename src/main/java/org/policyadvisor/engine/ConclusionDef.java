package org.policyadvisor.engine;

/**
 * An effect, risk or recommendation the rules can conclude. {@code audience} is set for recommendations only.
 */
public record ConclusionDef(String id, ConclusionKind kind, String theme, String title, String explanation,
		String audience, String source) {
}
