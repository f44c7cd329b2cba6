package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record ContractExpired(String accountId, String contractId, String partnerId, java.time.Instant expiredAt, @Personal String comment) implements ContractsEvent {
}
