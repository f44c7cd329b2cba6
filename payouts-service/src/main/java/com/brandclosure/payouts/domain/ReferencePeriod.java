package com.brandclosure.payouts.domain;

/** The period whose end the locking period counts from: the day of the action, or its month. */
public enum ReferencePeriod {
    DAY,
    MONTH
}
