package org.policyadvisor.engine;

public record Theme(String id, String title) {
}
