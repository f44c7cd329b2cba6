package com.brandclosure.contracts.domain;

import java.time.Instant;

/** What happened to one partner contract; the stream of these is the contract. */
public sealed interface ContractEvent {

    record ContractCreated(String contractId, String accountId, String partnerId, String landingUrl,
                           Instant createdAt) implements ContractEvent {
    }

    record SwitchProposed(String switchId, String terms, Instant proposedAt) implements ContractEvent {
    }

    record SwitchScheduled(String switchId, String terms, Instant effectiveAt, Instant scheduledAt)
            implements ContractEvent {
    }

    record SwitchWithdrawn(String switchId, Instant withdrawnAt) implements ContractEvent {
    }

    record ContractExpiryScheduled(Instant expiresAt, String comment, Instant scheduledAt) implements ContractEvent {
    }

    record ContractExpired(Instant expiredAt, String comment) implements ContractEvent {
    }
}
