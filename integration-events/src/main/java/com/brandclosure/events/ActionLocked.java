package com.brandclosure.events;

/** The action's cost is final; it is paid at {@code clearingAt} (start of {@code clearingDate} in the account's zone). */
public record ActionLocked(String accountId, String actionId, long costMinor, String currency,
                           java.time.LocalDate clearingDate, java.time.Instant clearingAt) implements PayoutsEvent {
}
