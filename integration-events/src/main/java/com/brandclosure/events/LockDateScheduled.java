package com.brandclosure.events;


public record LockDateScheduled(String accountId, java.time.LocalDate lastLockDate, java.time.Instant fireAt) implements ClosureEvent {
}
