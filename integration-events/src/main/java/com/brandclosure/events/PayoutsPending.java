package com.brandclosure.events;

/**
 * Retraction of {@link PayoutsSettled}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record PayoutsPending(String accountId, long pendingActions, java.time.Instant asOf, long sourceVersion, long pendingAmountMinor, String reportFor) implements SummaryEvent, PayoutsEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public PayoutsPending(String accountId, long pendingActions, java.time.Instant asOf, long sourceVersion) {
        this(accountId, pendingActions, asOf, sourceVersion, 0, null);
    }
}
