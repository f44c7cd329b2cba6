package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;

/** What happened to one partner contract; the stream of these is the contract. */
public sealed interface ContractEvent {

    record ContractCreated(String contractId, String accountId, @Personal String partnerId, @Personal String landingUrl,
                           Instant createdAt) implements ContractEvent {
    }

    record SwitchProposed(String switchId, @Personal String terms, Instant proposedAt) implements ContractEvent {
    }

    record SwitchScheduled(String switchId, @Personal String terms, Instant effectiveAt, Instant scheduledAt)
            implements ContractEvent {
    }

    record SwitchWithdrawn(String switchId, Instant withdrawnAt) implements ContractEvent {
    }

    record ContractExpiryScheduled(Instant expiresAt, @Personal String comment, Instant scheduledAt) implements ContractEvent {
    }

    record ContractExpired(Instant expiredAt, @Personal String comment) implements ContractEvent {
    }
}
