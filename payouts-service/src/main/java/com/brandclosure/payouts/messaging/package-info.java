/**
 * Kafka in and out of payouts-service: the ingest topic, contracts-service's and the closure saga's
 * events (each a batch {@code @KafkaListener} handing its poll to an {@code InboundBatches.Subscription}),
 * and the mapping of stored domain events to the published shapes on {@code payouts.events}
 * ({@link com.brandclosure.payouts.messaging.PayoutsPublication}).
 * <p>
 * Invariants: no listener calls the inbox or a transaction itself: the platform deduplicates, runs the
 * poll as one unit of work and dead-letters what fails on its content; a record that is invalid throws
 * {@code MalformedMessageException}. A published event carries the id of the stored event it announces.
 */
package com.brandclosure.payouts.messaging;
