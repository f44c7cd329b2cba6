package com.brandclosure.events;


public record ActionLocked(String accountId, String actionId, long costMinor, String currency, java.time.LocalDate clearingDate) implements PayoutsEvent {
}
