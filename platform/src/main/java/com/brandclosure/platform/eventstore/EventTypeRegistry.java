package com.brandclosure.platform.eventstore;

import com.brandclosure.platform.json.JsonCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Merged view of every {@link EventTypes} bean: name ↔ type, versions and upcasting. */
public final class EventTypeRegistry {

    private final Map<String, EventTypes.Entry> byName = new HashMap<>();
    private final Map<Class<?>, EventTypes.Entry> byType = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();

    public EventTypeRegistry(List<EventTypes> contributions) {
        for (EventTypes types : contributions) {
            types.entries().values().forEach(e -> {
                if (byName.putIfAbsent(e.name(), e) != null) {
                    throw new IllegalStateException("event type name registered twice: " + e.name());
                }
                if (byType.putIfAbsent(e.type(), e) != null) {
                    throw new IllegalStateException("class registered under two names: " + e.type().getName());
                }
            });
            types.upcasters().forEach(u -> upcasters.put(key(u.type(), u.fromVersion()), u));
        }
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }

    public String nameOf(Class<?> type) {
        EventTypes.Entry e = byType.get(type);
        if (e == null) {
            throw new IllegalArgumentException("no logical event type registered for " + type.getName()
                    + ": add it to an EventTypes bean");
        }
        return e.name();
    }

    public int currentVersionOf(Class<?> type) {
        nameOf(type);
        return byType.get(type).version();
    }

    public boolean isRegistered(Class<?> type) {
        return byType.containsKey(type);
    }

    public boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** Reads stored JSON of {@code name} at {@code storedVersion} into the current record type. */
    public Object read(JsonCodec json, String name, int storedVersion, String payload, String streamId, long version) {
        requireKnown(name, storedVersion, streamId, version);
        EventTypes.Entry entry = byName.get(name);
        if (storedVersion == entry.version()) {
            // Nothing to upcast: straight from the text into the record, without building a tree first
            // (the load path's largest cost per event).
            return json.read(payload, entry.type());
        }
        return read(json, name, storedVersion, json.parse(payload), streamId, version);
    }

    private void requireKnown(String name, int storedVersion, String streamId, long version) {
        EventTypes.Entry entry = byName.get(name);
        if (entry == null || storedVersion > entry.version() || storedVersion < 1) {
            throw new UnknownEventTypeException(name, storedVersion, streamId, version);
        }
    }

    /** As above, from JSON already parsed (and its personal data opened, see platform.crypto). */
    public Object read(JsonCodec json, String name, int storedVersion, JsonNode node, String streamId, long version) {
        requireKnown(name, storedVersion, streamId, version);
        EventTypes.Entry entry = byName.get(name);
        for (int v = storedVersion; v < entry.version(); v++) {
            Upcaster u = upcasters.get(key(name, v));
            if (u == null) {
                throw new UnknownEventTypeException(name, v, streamId, version);
            }
            node = u.upcast((ObjectNode) node);
        }
        return json.convert(node, entry.type());
    }
}
