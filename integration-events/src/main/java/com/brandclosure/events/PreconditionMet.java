package com.brandclosure.events;


public record PreconditionMet(String accountId, String precondition, String sourceEventId) implements ClosureEvent {
}
