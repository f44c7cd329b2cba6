package com.brandclosure.events;

/**
 * Retraction of {@link PayoutsSettled}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record PayoutsPending(String accountId, long pendingActions, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, PayoutsEvent {
}
