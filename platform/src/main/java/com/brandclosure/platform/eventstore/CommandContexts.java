package com.brandclosure.platform.eventstore;

import com.brandclosure.platform.inbox.InboundEvent;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes {@link CommandContext}s with the injected clock and id source, so application code
 * never calls {@code now()} or {@code randomUUID()} itself and tests can fix both.
 */
public class CommandContexts {

    private final Clock clock;
    private final Supplier<UUID> ids;

    public CommandContexts(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** A command from a user or caller: a new correlation id unless the request carried one. */
    public CommandContext forActor(String actor, String correlationId) {
        String correlation = correlationId == null || correlationId.isBlank() ? ids.get().toString() : correlationId;
        return new CommandContext(actor, clock.instant(), correlation, null, ids);
    }

    /** A command caused by a consumed event: same correlation id, caused by that event. */
    public CommandContext causedBy(InboundEvent event, String actor) {
        var md = event.metadata();
        return new CommandContext(actor, clock.instant(), md.correlationId(), event.eventId(), ids);
    }

    /** A command caused by a timer firing. */
    public CommandContext forTimer(String timerKind, String timerId) {
        return new CommandContext("timer:" + timerKind, clock.instant(), "timer:" + timerKind + ":" + timerId,
                null, ids);
    }

    public Clock clock() {
        return clock;
    }

    public UUID newId() {
        return ids.get();
    }
}
