package com.brandclosure.events;


public record ActionReversed(String accountId, String actionId, String reason) implements PayoutsEvent {
}
