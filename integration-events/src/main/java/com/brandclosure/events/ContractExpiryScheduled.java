package com.brandclosure.events;


public record ContractExpiryScheduled(String accountId, String contractId, String partnerId, java.time.Instant expiresAt) implements ContractsEvent {
}
