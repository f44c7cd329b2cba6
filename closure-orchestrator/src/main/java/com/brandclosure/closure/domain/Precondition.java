package com.brandclosure.closure.domain;

/** The four facts that must hold before a closure may be requested; each comes from one source service. */
public enum Precondition {
    CONTRACTS_EXPIRED,
    PAYOUTS_SETTLED,
    FUNDING_SUFFICIENT,
    CATALOGS_DELETED
}
