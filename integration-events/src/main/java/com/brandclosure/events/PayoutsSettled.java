package com.brandclosure.events;

/**
 * Summary: no pending action. {@code lastLockDate} is the latest lock date still ahead (null when
 * none is), and {@code lastLockAt} the instant it has passed (end of that day in the account's
 * time zone).
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 * {@code lastClearingAt}: when the last partner payment the account can still owe clears (the clearing instant of
 * {@code lastLockDate}, or of an approved or locked action not cleared yet if later); null when nothing is left to
 * clear, and in records published before it was added. The closure saga's final-settlement deadline counts from it.
 */
public record PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion, String reportFor, java.time.Instant lastClearingAt) implements SummaryEvent, PayoutsEvent {

    /** A summary without the clearing instant (as published before it was added). */
    public PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion, String reportFor) {
        this(accountId, lastLockDate, lastLockAt, asOf, sourceVersion, reportFor, null);
    }

    /** An unsolicited summary (published because the precondition flipped). */
    public PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion) {
        this(accountId, lastLockDate, lastLockAt, asOf, sourceVersion, null, null);
    }
}
