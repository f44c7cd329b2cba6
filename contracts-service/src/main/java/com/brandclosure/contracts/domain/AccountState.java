package com.brandclosure.contracts.domain;

import java.time.LocalDate;

/**
 * The account as the contracts context knows it. One record for every state (it is also the
 * snapshot shape): {@code known} false means the account was never configured nor had a contract.
 * {@code precondition} is the last summary published, so a summary goes out only on a change.
 * {@code decidedZone}: the time zone payouts-service decided for the account (null: not yet; snapshots
 * taken before decisions existed read as null); from then on {@code timeZone} is it and no other is accepted.
 */
public record AccountState(String accountId, boolean known, String timeZone, LocalDate deactivatedOn,
                           Precondition precondition, String decidedZone) {

    public static final String DEFAULT_TIME_ZONE = "UTC";

    public enum Precondition { UNDECIDED, MET, RETRACTED }

    public static AccountState initial(String accountId) {
        return new AccountState(accountId, false, DEFAULT_TIME_ZONE, null, Precondition.UNDECIDED, null);
    }

    public boolean deactivated() {
        return deactivatedOn != null;
    }

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }
}
