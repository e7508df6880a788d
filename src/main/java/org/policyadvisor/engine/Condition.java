package org.policyadvisor.engine;

/**
 * Fact: the value a user chose for one catalogue condition. Every condition of the pack is inserted, so rules can
 * rely on exactly one {@code Condition} per id.
 */
public record Condition(String id, String value) {
}
