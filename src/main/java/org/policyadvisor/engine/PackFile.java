package org.policyadvisor.engine;

/** One file of a rule pack, by its name within the pack folder. */
public record PackFile(String name, String content) {
}
