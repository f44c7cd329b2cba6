package com.brandclosure.events;

/**
 * Retraction of {@link ContractsExpired}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record ActiveContractsPresent(String accountId, long activeContracts, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, ContractsEvent {
}
