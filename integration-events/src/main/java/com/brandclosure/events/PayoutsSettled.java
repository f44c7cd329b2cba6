package com.brandclosure.events;

/**
 * Summary: no pending action. {@code lastLockDate} is the latest lock date still ahead (null when
 * none is), and {@code lastLockAt} the instant it has passed (end of that day in the account's
 * time zone).
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, PayoutsEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion) {
        this(accountId, lastLockDate, lastLockAt, asOf, sourceVersion, null);
    }
}
