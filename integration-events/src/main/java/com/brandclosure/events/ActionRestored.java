package com.brandclosure.events;


public record ActionRestored(String accountId, String actionId) implements PayoutsEvent {
}
