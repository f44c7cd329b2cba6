package com.brandclosure.events;

/**
 * An action was approved for locking. {@code clearingAt} is the instant its clearing date starts
 * in the account's time zone: when funding-service pays the cost if it has locked by then.
 */
public record ActionApproved(String accountId, String actionId, long costMinor, String currency,
                             java.time.LocalDate lockDate, java.time.LocalDate clearingDate,
                             java.time.Instant clearingAt) implements PayoutsEvent {
}
