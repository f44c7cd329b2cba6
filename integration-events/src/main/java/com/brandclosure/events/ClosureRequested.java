package com.brandclosure.events;


public record ClosureRequested(String accountId, String ticketId, java.time.Instant requestedAt) implements ClosureEvent {
}
