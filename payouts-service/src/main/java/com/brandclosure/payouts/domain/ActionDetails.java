package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.Personal;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known about a tracked action. {@code eventDate} is the date in the account's zone the
 * action counts as happened on (the report date for late reports); the lock and clearing
 * dates were fixed from it when the action was tracked.
 */
public record ActionDetails(AccountId accountId, String actionId, @Personal String partnerId, String contractId,
                            Instant eventAt, Instant reportedAt, LocalDate eventDate, boolean lateReported,
                            Money cost, LocalDate lockDate, LocalDate clearingDate, Instant lockAt,
                            Instant clearingAt) {

    public ActionDetails {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(eventAt, "eventAt");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(lockDate, "lockDate");
        Objects.requireNonNull(clearingDate, "clearingDate");
        Objects.requireNonNull(lockAt, "lockAt");
        Objects.requireNonNull(clearingAt, "clearingAt");
    }

    public ActionDetails withCost(Money newCost) {
        return new ActionDetails(accountId, actionId, partnerId, contractId, eventAt, reportedAt, eventDate,
                lateReported, newCost, lockDate, clearingDate, lockAt, clearingAt);
    }
}
