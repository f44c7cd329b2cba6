package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;

import java.util.function.BiFunction;

/**
 * The rules every amount entering the account must pass (a deposit, a fee, a partner cost). They
 * hold for consumed events too, which no web validation saw, so they live here and not only on the
 * requests.
 */
public enum AmountPolicy {

    IN_ACCOUNT_CURRENCY((a, m) -> m.currency().equals(a.currency()) ? null : "currency "
            + m.currency().getCurrencyCode() + " is not the account currency " + a.currency().getCurrencyCode()),

    POSITIVE((a, m) -> m.isPositive() ? null : "amount must be positive, was " + m),

    WITHIN_LIMIT((a, m) -> m.minor() <= AmountPolicy.MAX_AMOUNT_MINOR ? null : "amount " + m
            + " exceeds the limit of " + AmountPolicy.MAX_AMOUNT_MINOR + " minor units");

    /** Amounts above this (minor units) are taken for an input error. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

    /** The reason this rule rejects the amount for the account, or null when it allows it. */
    private final BiFunction<Active, Money, String> rejection;

    AmountPolicy(BiFunction<Active, Money, String> rejection) {
        this.rejection = rejection;
    }

    public Verdict check(Active account, Money amount) {
        String reason = rejection.apply(account, amount);
        return reason == null ? new Verdict.Allowed() : new Verdict.Rejected(name(), reason);
    }

    /** Refuses {@code amount} (a 400: the caller sent it) with the first rule that rejects it. */
    static void require(Active account, Money amount, String what) {
        for (AmountPolicy rule : values()) {
            if (rule.check(account, amount) instanceof Verdict.Rejected r) {
                throw new DomainException.BadRequest(what + " " + r.explained());
            }
        }
    }
}
