package com.brandclosure.platform.eventstore;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the stored JSON of {@code type} at {@code fromVersion} into its shape at
 * {@code fromVersion + 1}. Upcasters chain until the registered current version is reached,
 * so stored history is never rewritten.
 */
public interface Upcaster {
    String type();

    int fromVersion();

    ObjectNode upcast(ObjectNode stored);
}
