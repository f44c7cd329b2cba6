package com.brandclosure.events;


public record ClosureCancelled(String accountId, String cancelledBy, String reason) implements ClosureEvent {
}
