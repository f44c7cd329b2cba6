package com.brandclosure.payouts.domain;

/** Why an action was rejected; the names are part of the published contract. */
public enum RejectionReason {
    /** No contract with the partner was active when the conversion happened. */
    OUTSIDE_OF_TERMS,
    /** The action's event date is on or after the account's closure date. */
    ACCOUNT_CLOSED
}
