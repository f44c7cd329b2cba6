package com.brandclosure.events;


public record ClosureInitiated(String accountId, String initiatedBy, String reason) implements ClosureEvent {
}
