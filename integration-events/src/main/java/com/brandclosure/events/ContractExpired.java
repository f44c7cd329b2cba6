package com.brandclosure.events;


public record ContractExpired(String accountId, String contractId, String partnerId, java.time.Instant expiredAt, String comment) implements ContractsEvent {
}
