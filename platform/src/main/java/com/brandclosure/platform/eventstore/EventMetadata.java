package com.brandclosure.platform.eventstore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who did what, why and when: recorded with every stored event and sent with every published
 * one. {@code causationId} is the id of the event or request that caused this one;
 * {@code correlationId} is shared by everything one initial request set off.
 */
public record EventMetadata(UUID eventId, String actor, String correlationId, String causationId,
                            Instant occurredAt) {

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
