package com.brandclosure.events;


public record ActionModified(String accountId, String actionId, long costMinor, String currency, String reason) implements PayoutsEvent {
}
