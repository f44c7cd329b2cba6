package com.brandclosure.events;


public record ContractActivated(String accountId, String contractId, String partnerId, java.time.Instant activatedAt) implements ContractsEvent {
}
