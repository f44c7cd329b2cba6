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

    /** Personal text (a comment, partner ids) beside an amount: crypto-shredding's test event. */
    record Noted(String accountId, @com.brandclosure.platform.kernel.Personal String comment,
                 @com.brandclosure.platform.kernel.Personal java.util.List<String> partnerIds, long amountMinor)
            implements TestEvents {
    }

    /** The snapshot state of a notes stream: the last comment (personal) and the running total. */
    record Notes(@com.brandclosure.platform.kernel.Personal String lastComment, long totalMinor, long count) {
    }

    static EventTypes types() {
        return EventTypes.create()
                .add("Counted", Counted.class)
                .add("Renamed", 2, Renamed.class)
                .add("Tally", Tally.class)
                .add("Noted", Noted.class)
                .add("Notes", Notes.class)
                .upcaster("Renamed", 1, stored -> {
                    stored.set("name", stored.remove("oldName"));
                    return stored;
                });
    }
}
