package com.brandclosure.events;


public record SwitchWithdrawn(String accountId, String contractId, String switchId, java.time.Instant withdrawnAt) implements ContractsEvent {
}
