package com.brandclosure.funding.domain;

/** How money arrives. A card is credited at once; wires and ACH transfers only when the bank clears them. */
public enum DepositMethod {
    CARD,
    WIRE,
    ACH;

    public boolean creditedAtOnce() {
        return this == CARD;
    }

    /** Only ACH debits can bounce after they were announced. */
    public boolean canFail() {
        return this == ACH;
    }
}
