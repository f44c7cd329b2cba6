package com.brandclosure.events;

/**
 * The support review of the closure opened. {@code ticketId}: the closure's one id, the same for every review of
 * one closure (its state reports' {@code reportFor}, the fences' {@code closureId}).
 */
public record ClosureRequested(String accountId, String ticketId, java.time.Instant requestedAt) implements ClosureEvent {
}
