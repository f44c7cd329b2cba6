package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules the final refund must pass, in the order they are checked; the first that rejects
 * refuses the refund and names itself. The refund pays out the whole balance, so nothing may still
 * be owed or still be on its way.
 */
public enum RefundPolicy {

    /** closure-orchestrator deactivated the account: the brand is leaving. */
    ACCOUNT_DEACTIVATED(a -> a.closureDate() == null ? "the account has not been deactivated" : null),

    /** payouts-service's last summary reported unsettled actions: costs may still come (unheard: no objection). */
    PAYOUTS_SETTLED(a -> Boolean.FALSE.equals(a.payoutsSettled())
            ? "payouts-service reports actions not settled yet" : null),

    /** A cost the account could not book waits for support: paying out the balance would lose it. */
    NO_BLOCKED_COSTS(a -> a.blocked().isEmpty() ? null : a.blocked().size()
            + " partner cost(s) blocked until support resolves them: " + String.join(", ", a.blocked().keySet())),

    /** Every partner cost was paid or withdrawn: a locked cost is still owed from the balance. */
    PARTNER_COSTS_CLEARED(a -> a.costs().isEmpty() ? null : a.costs().size() + " partner cost(s) not cleared yet ("
            + a.costs().values().stream().filter(Cost::locked).count() + " locked)"),

    NOTHING_PAST_DUE(a -> a.pastDue().isEmpty() ? null : a.pastDueTotal() + " is past due"),

    FEES_PAID(a -> a.charges().isEmpty() ? null : a.charges().size() + " fee(s) not paid yet"),

    /** A pending deposit may still clear (more to refund) or fail (less): wait for the bank. */
    NO_PENDING_DEPOSITS(a -> a.pendingDeposits().isPositive()
            ? "deposits of " + a.pendingDeposits() + " are still pending" : null);

    /** The reason this rule rejects the account, or null when it allows the refund. */
    private final Function<Active, String> rejection;

    RefundPolicy(Function<Active, String> rejection) {
        this.rejection = rejection;
    }

    public Verdict check(Active account) {
        String reason = rejection.apply(account);
        return reason == null ? new Verdict.Allowed() : new Verdict.Rejected(name(), reason);
    }

    /** Every rule that rejects refunding {@code account}, in order: why the refund waits. */
    public static List<Verdict.Rejected> rejections(Active account) {
        List<Verdict.Rejected> all = new ArrayList<>();
        for (RefundPolicy rule : values()) {
            if (rule.check(account) instanceof Verdict.Rejected r) {
                all.add(r);
            }
        }
        return List.copyOf(all);
    }

    /** The first rule that rejects refunding {@code account}, if any. */
    public static Optional<Verdict.Rejected> firstRejection(Active account) {
        for (RefundPolicy rule : values()) {
            if (rule.check(account) instanceof Verdict.Rejected r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
