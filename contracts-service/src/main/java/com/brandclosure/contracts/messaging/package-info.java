/**
 * Kafka in and out. In: {@link ClosureEventsListener} and {@link PayoutsEventsListener}, batch
 * listeners handing each poll to the platform's {@code InboundBatches} (dedup, per-account order,
 * dead-lettering and parking are the platform's), whose effects are the {@code application.Deactivation}
 * use case and the adoption of the account's decided zone ({@code AccountSettings.adoptDecidedZone})
 * joining the poll's unit of work. Out: {@link ContractsPublication}, the one mapping of stored domain events to the public
 * integration events; the command runner stages them in the outbox, and the platform's relay sends
 * them keyed by account id.
 * <p>
 * Invariants: no listener calls the inbox or opens a transaction itself; an integration event that
 * announces a stored event carries that event's id.
 */
package com.brandclosure.contracts.messaging;
