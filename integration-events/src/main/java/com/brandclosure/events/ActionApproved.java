package com.brandclosure.events;


public record ActionApproved(String accountId, String actionId, long costMinor, String currency, java.time.LocalDate lockDate, java.time.LocalDate clearingDate) implements PayoutsEvent {
}
