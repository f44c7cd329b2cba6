/**
 * funding-service's edges to Kafka. In: payouts-service's cost events and decided account currency and
 * zone ({@code AccountLocaleDecided}), and closure-orchestrator's
 * deactivation, each a batch listener handing the poll to an {@code InboundBatches} subscription
 * (consumer names {@code funding-service:payouts-events} and {@code funding-service:closure-events}),
 * which dedups, groups by account and runs the poll as one unit of work. Out: {@link
 * com.brandclosure.funding.messaging.FundingPublication}, the deliberate public shape of the stored
 * events on {@code funding.events}.
 * <p>
 * Invariants: integration events are translated into domain commands here and nowhere else; no
 * listener touches the inbox, the event store or the outbox itself.
 */
package com.brandclosure.funding.messaging;
