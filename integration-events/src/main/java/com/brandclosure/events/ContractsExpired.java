package com.brandclosure.events;

/**
 * Summary: no active contract, no expiry still ahead, no pending proposal or scheduled switch.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record ContractsExpired(String accountId, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, ContractsEvent {
}
