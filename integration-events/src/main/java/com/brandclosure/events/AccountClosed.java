package com.brandclosure.events;


public record AccountClosed(String accountId, java.time.Instant closedAt) implements ClosureEvent {
}
