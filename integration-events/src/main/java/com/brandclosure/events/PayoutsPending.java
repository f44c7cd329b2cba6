package com.brandclosure.events;

/** Retraction of {@link PayoutsSettled}. */
public record PayoutsPending(String accountId, long pendingActions, java.time.Instant asOf) implements PayoutsEvent {
}
