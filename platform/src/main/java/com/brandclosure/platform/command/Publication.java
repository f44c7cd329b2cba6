package com.brandclosure.platform.command;

import com.brandclosure.events.IntegrationEvent;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns stored domain events into the service's public integration events: called by the command
 * runner for every appended event, and what it returns goes to the outbox on {@link #topic()} in the
 * same transaction. Declare one bean per service (the public shape is a deliberate mapping, never the
 * domain event as it is), made with {@link #on}: the service writes only its mapping.
 */
public interface Publication {

    /** The topic the service publishes on. */
    String topic();

    /** The integration events that announce {@code appended} (usually none or one). */
    List<IntegrationEvent> announce(Appended appended);

    /** The publication of {@code announce} (stored event → its integration events) on {@code topic}. */
    static Publication on(String topic, Function<Appended, List<IntegrationEvent>> announce) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(announce, "announce");
        return new Publication() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public List<IntegrationEvent> announce(Appended appended) {
                return announce.apply(appended);
            }

            @Override
            public String toString() {
                return "Publication on " + topic;
            }
        };
    }
}
