package com.brandclosure.events;


public record PreconditionRetracted(String accountId, String precondition, String sourceEventId) implements ClosureEvent {
}
