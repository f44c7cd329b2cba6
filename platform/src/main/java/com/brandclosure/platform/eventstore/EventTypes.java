package com.brandclosure.platform.eventstore;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A service's contribution to the event type registry: logical name, current schema version
 * and record type of each stored event (and snapshot state), plus upcasters. Declare one as a
 * bean; the platform merges them all. Logical names are stored, Java class names never are.
 */
public final class EventTypes {

    record Entry(String name, int version, Class<?> type) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Upcaster> upcasters = new ArrayList<>();

    public static EventTypes create() {
        return new EventTypes();
    }

    /** Registers {@code type} under {@code name} at schema version 1. */
    public EventTypes add(String name, Class<?> type) {
        return add(name, 1, type);
    }

    public EventTypes add(String name, int currentVersion, Class<?> type) {
        if (entries.putIfAbsent(name, new Entry(name, currentVersion, type)) != null) {
            throw new IllegalArgumentException("event type name registered twice: " + name);
        }
        return this;
    }

    /** Registers every permitted subclass of a sealed interface under its simple name, at version 1. */
    public EventTypes addSealed(Class<?> sealedInterface) {
        for (Class<?> sub : sealedInterface.getPermittedSubclasses()) {
            add(sub.getSimpleName(), sub);
        }
        return this;
    }

    public EventTypes upcaster(String name, int fromVersion, UnaryOperator<ObjectNode> upcast) {
        upcasters.add(new Upcaster() {
            @Override
            public String type() {
                return name;
            }

            @Override
            public int fromVersion() {
                return fromVersion;
            }

            @Override
            public ObjectNode upcast(ObjectNode stored) {
                return upcast.apply(stored);
            }
        });
        return this;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    List<Upcaster> upcasters() {
        return upcasters;
    }
}
