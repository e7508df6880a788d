package org.policyadvisor.engine;

/**
 * Fact: a conclusion (effect, risk or recommendation) that holds. Rules insert it logically, so value equality
 * lets several rules justify the same conclusion and truth maintenance withdraws it when no rule supports it.
 */
public record Concluded(String id) {
}
