package com.brandclosure.events;

/** Summary: no active contract, no expiry still ahead, no pending proposal or scheduled switch. */
public record ContractsExpired(String accountId, java.time.Instant asOf) implements ContractsEvent {
}
