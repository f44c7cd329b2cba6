package com.brandclosure.closure.domain;

/** The four facts that must hold before a closure may be requested; each comes from one source service. */
public enum Precondition {
    CONTRACTS_EXPIRED("ContractsExpired", "ActiveContractsPresent"),
    PAYOUTS_SETTLED("PayoutsSettled", "PayoutsPending"),
    FUNDING_SUFFICIENT("FundingSufficient", "FundingInsufficient"),
    CATALOGS_DELETED("CatalogsDeleted", "CatalogsPresent");

    private final String holdsKind;
    private final String retractedKind;

    Precondition(String holdsKind, String retractedKind) {
        this.holdsKind = holdsKind;
        this.retractedKind = retractedKind;
    }

    /** The name of the source's summary that says the precondition holds, or that it does not (a drift names it). */
    public String kind(boolean holds) {
        return holds ? holdsKind : retractedKind;
    }
}
