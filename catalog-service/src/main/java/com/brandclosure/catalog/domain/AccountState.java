package com.brandclosure.catalog.domain;

import java.time.LocalDate;

/** The account in the catalog context (also its snapshot shape); {@code precondition} is the last summary published. */
public record AccountState(String accountId, LocalDate deactivatedOn, Precondition precondition) {

    public enum Precondition { UNDECIDED, MET, RETRACTED }

    public static AccountState initial(String accountId) {
        return new AccountState(accountId, null, Precondition.UNDECIDED);
    }

    public boolean deactivated() {
        return deactivatedOn != null;
    }
}
