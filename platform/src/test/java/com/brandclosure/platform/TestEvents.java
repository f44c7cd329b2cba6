package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.EventTypes;

/** Stored events of the platform's own tests. */
public sealed interface TestEvents {

    record Counted(String accountId, long n) implements TestEvents {
    }

    /** Version 2: version 1 stored the field as {@code oldName}. */
    record Renamed(String name) implements TestEvents {
    }

    record Tally(long total) {
    }

    static EventTypes types() {
        return EventTypes.create()
                .add("Counted", Counted.class)
                .add("Renamed", 2, Renamed.class)
                .add("Tally", Tally.class)
                .upcaster("Renamed", 1, stored -> {
                    stored.set("name", stored.remove("oldName"));
                    return stored;
                });
    }
}
