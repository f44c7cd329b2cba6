package com.brandclosure.events;

/** Retraction of {@link ContractsExpired}. */
public record ActiveContractsPresent(String accountId, long activeContracts, java.time.Instant asOf) implements ContractsEvent {
}
