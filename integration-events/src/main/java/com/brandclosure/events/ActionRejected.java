package com.brandclosure.events;

/** {@code reason} is {@code OUTSIDE_OF_TERMS} or {@code ACCOUNT_CLOSED}. */
public record ActionRejected(String accountId, String actionId, String reason) implements PayoutsEvent {
}
