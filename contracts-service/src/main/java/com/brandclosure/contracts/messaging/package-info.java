/**
 * Kafka in and out. In: {@link ClosureEventsListener}, a batch listener handing each poll to the
 * platform's {@code InboundBatches} (dedup, per-account order, dead-lettering and parking are the
 * platform's), whose effect is the {@code application.Deactivation} use case joining the poll's unit
 * of work. Out: {@link ContractsPublication}, the one mapping of stored domain events to the public
 * integration events; the command runner stages them in the outbox, and the platform's relay sends
 * them keyed by account id.
 * <p>
 * Invariants: no listener calls the inbox or opens a transaction itself; an integration event that
 * announces a stored event carries that event's id.
 */
package com.brandclosure.contracts.messaging;
