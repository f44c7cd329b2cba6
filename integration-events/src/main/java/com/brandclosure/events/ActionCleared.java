package com.brandclosure.events;


public record ActionCleared(String accountId, String actionId, long costMinor, String currency, java.time.LocalDate clearedOn) implements PayoutsEvent {
}
