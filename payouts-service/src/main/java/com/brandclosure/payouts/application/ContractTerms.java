package com.brandclosure.payouts.application;

import com.brandclosure.payouts.persistence.PayoutsStore;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * Keeps payouts-service's own view of contract activity, fed by contracts-service's events: it
 * decides whether a later conversion was within the terms of a contract. Runs inside the consumer's
 * unit of work, which holds the account's lock, so a conversion tracked meanwhile sees either the
 * period before or after the change.
 */
@Service
public class ContractTerms {

    private final PayoutsStore db;

    public ContractTerms(PayoutsStore db) {
        this.db = db;
    }

    public void activated(String accountId, String contractId, String partnerId, Instant at) {
        db.contractActivated(accountId, contractId, partnerId, at);
    }

    public void expired(String accountId, String contractId, String partnerId, Instant at) {
        db.contractExpired(accountId, contractId, partnerId, at);
    }
}
