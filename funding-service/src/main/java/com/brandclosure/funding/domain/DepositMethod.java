package com.brandclosure.funding.domain;

/** How money arrives; every deposit is credited when the payment side confirms it. */
public enum DepositMethod {
    CARD,
    WIRE,
    ACH;

    /** Only ACH debits can bounce after they were credited. */
    public boolean canFail() {
        return this == ACH;
    }
}
