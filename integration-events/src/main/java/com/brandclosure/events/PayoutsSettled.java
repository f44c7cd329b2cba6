package com.brandclosure.events;

/**
 * Summary: no pending action. {@code lastLockDate} is the latest lock date still ahead (null when
 * none is), and {@code lastLockAt} the instant it has passed (end of that day in the account's
 * time zone).
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record PayoutsSettled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant lastLockAt, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, PayoutsEvent {
}
