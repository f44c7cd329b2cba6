package com.brandclosure.events;

/** Irreversible. Every service fences new activity for {@code accountId} on and after {@code closureDate}. */
public record AccountDeactivated(String accountId, java.time.LocalDate closureDate, java.time.Instant deactivatedAt) implements ClosureEvent {
}
