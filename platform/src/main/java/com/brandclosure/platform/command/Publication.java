package com.brandclosure.platform.command;

import com.brandclosure.events.IntegrationEvent;

import java.util.List;

/**
 * Turns stored domain events into the service's public integration events: called by the command
 * runner for every appended event, and what it returns goes to the outbox on {@link #topic()} in the
 * same transaction. Declare one bean per service (the public shape is a deliberate mapping, never the
 * domain event as it is).
 */
public interface Publication {

    /** The topic the service publishes on. */
    String topic();

    /** The integration events that announce {@code appended} (usually none or one). */
    List<IntegrationEvent> announce(Appended appended);
}
