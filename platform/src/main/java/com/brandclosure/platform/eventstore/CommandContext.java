package com.brandclosure.platform.eventstore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The circumstances of one command: who issued it, when (from the injected clock), and the
 * correlation/causation ids it carries. Every event the command produces gets its metadata
 * from here, with a fresh event id each.
 */
public record CommandContext(String actor, Instant now, String correlationId, String causationId,
                             Supplier<UUID> ids) {

    public CommandContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(ids, "ids");
    }

    public EventMetadata nextMetadata() {
        return new EventMetadata(ids.get(), actor, correlationId, causationId, now);
    }

    /** The context of a command caused by an event: same correlation, caused by that event. */
    public CommandContext causedBy(EventMetadata cause, String actor) {
        return new CommandContext(actor, now, cause.correlationId(), cause.eventId().toString(), ids);
    }
}
