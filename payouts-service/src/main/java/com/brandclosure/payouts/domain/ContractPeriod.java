package com.brandclosure.payouts.domain;

import java.time.Instant;

/**
 * When a partner's contract was active, as known from contracts-service's events:
 * from {@code activeFrom} (inclusive) until {@code activeUntil} (exclusive; null while active).
 */
public record ContractPeriod(String contractId, String partnerId, Instant activeFrom, Instant activeUntil) {

    public boolean covers(String partner, String contract, Instant at) {
        return partnerId.equals(partner)
                && (contract == null || contractId.equals(contract))
                && !at.isBefore(activeFrom)
                && (activeUntil == null || at.isBefore(activeUntil));
    }
}
