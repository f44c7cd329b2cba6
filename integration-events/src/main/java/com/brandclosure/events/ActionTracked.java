package com.brandclosure.events;


public record ActionTracked(String accountId, String actionId, String partnerId, java.time.Instant eventAt, long costMinor, String currency, java.time.LocalDate lockDate, java.time.LocalDate clearingDate) implements PayoutsEvent {
}
