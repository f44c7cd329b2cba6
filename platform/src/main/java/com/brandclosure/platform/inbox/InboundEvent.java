package com.brandclosure.platform.inbox;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.outbox.Envelope;

import java.util.UUID;

/** A consumed integration event with its envelope and where it came from (topic, partition, offset). */
public record InboundEvent(Envelope envelope, IntegrationEvent event, String topic, int partition, long offset) {

    public String eventId() {
        return envelope.eventId();
    }

    public String accountId() {
        return envelope.accountId();
    }

    /** The envelope's metadata; a non-UUID event id (from an outside producer) gets a name-based UUID. */
    public EventMetadata metadata() {
        UUID id;
        try {
            id = UUID.fromString(envelope.eventId());
        } catch (IllegalArgumentException e) {
            id = UUID.nameUUIDFromBytes(envelope.eventId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new EventMetadata(id, envelope.actor() == null ? "unknown" : envelope.actor(),
                envelope.correlationId() == null ? envelope.eventId() : envelope.correlationId(),
                envelope.causationId(), envelope.occurredAt());
    }
}
