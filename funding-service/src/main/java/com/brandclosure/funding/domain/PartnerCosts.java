package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.CostApproved;
import com.brandclosure.funding.domain.FundingAccountEvent.CostChanged;
import com.brandclosure.funding.domain.FundingAccountEvent.CostLocked;
import com.brandclosure.funding.domain.FundingAccountEvent.CostWithdrawn;
import com.brandclosure.funding.domain.FundingCommand.ApproveCost;
import com.brandclosure.funding.domain.FundingCommand.ChangeCost;
import com.brandclosure.funding.domain.FundingCommand.LockCost;
import com.brandclosure.funding.domain.FundingCommand.PayCost;
import com.brandclosure.funding.domain.FundingCommand.WithdrawCost;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingCommand.ResolveBlockedCost;
import com.brandclosure.funding.domain.FundingAccountEvent.BlockedCostResolved;
import com.brandclosure.funding.domain.FundingAccountEvent.CostBlocked;
import com.brandclosure.funding.domain.FundingState.BlockedCost;
import com.brandclosure.funding.domain.FundingState.Cost;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the account follows payouts-service's partner costs: an approved cost counts towards Required
 * Funding, a locked one is paid at its clearing time ({@link Payments#payDue}), a reversed or rejected
 * one is withdrawn. payouts-service may repeat itself (redelivery, a restore): what the account already
 * knows changes nothing, and a locked cost is not re-approved. A cost the account cannot book (another
 * currency, a bad amount) is kept as blocked ({@link CostBlocked}) until support resolves it.
 */
final class PartnerCosts {

    static final String BOOKED = "BOOKED";
    static final String WRITTEN_OFF = "WRITTEN_OFF";

    private PartnerCosts() {
    }

    static List<FundingAccountEvent> approve(ApproveCost c, Active a) {
        var blocked = blockedIfUnbookable(a, c.actionId(), c.amount(), false, c.clearingDate(), c.clearingAt());
        if (blocked != null) {
            return blocked;
        }
        Cost existing = cost(a, c.actionId(), c.amount());
        return existing != null && (existing.locked() || existing.amount().equals(c.amount())) ? List.of()
                : List.of(new CostApproved(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()));
    }

    /** A modification of a still pending action is no cost yet: nothing to follow. */
    static List<FundingAccountEvent> change(ChangeCost c, Active a) {
        BlockedCost blockedCost = a.blocked().get(c.actionId());
        Cost known = a.costs().get(c.actionId());
        if (blockedCost != null || known != null) {
            var blocked = blockedIfUnbookable(a, c.actionId(), c.amount(),
                    blockedCost != null ? blockedCost.locked() : known.locked(),
                    blockedCost != null ? blockedCost.clearingDate() : known.clearingDate(),
                    blockedCost != null ? blockedCost.clearingAt() : known.clearingAt());
            if (blocked != null) {
                return blocked;
            }
        }
        Cost existing = cost(a, c.actionId(), c.amount());
        return existing == null || existing.amount().equals(c.amount()) ? List.of()
                : List.of(new CostChanged(c.actionId(), c.amount()));
    }

    static List<FundingAccountEvent> withdraw(WithdrawCost c, Active a) {
        return a.costs().containsKey(c.actionId()) || a.blocked().containsKey(c.actionId()) ? List.of(new CostWithdrawn(c.actionId(), c.reason())) : List.of();
    }

    /** Locks the cost (once) and pays whatever is due by now, this cost included if its time has come. */
    static List<FundingAccountEvent> lock(LockCost c, Active a) {
        var blocked = blockedIfUnbookable(a, c.actionId(), c.amount(), true, c.clearingDate(), c.clearingAt());
        if (blocked != null) {
            return blocked;
        }
        Cost existing = cost(a, c.actionId(), c.amount());
        return existing != null && existing.locked() ? Payments.payDue(a, c.now())
                : FundingAccount.then(a, new CostLocked(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()),
                s -> Payments.payDue(s, c.now()));
    }

    /** payouts-service cleared the action: pay it now unless the clearing timer already did. */
    static List<FundingAccountEvent> pay(PayCost c, Active a) {
        Cost cost = a.costs().get(c.actionId());
        return cost == null ? List.of()
                : Payments.pay(List.of(new Payments.Payment(c.actionId(), cost.amount(), true)), a.balance());
    }

    /**
     * Support's resolution of a blocked cost: booked in the account's currency (as approved or locked, as
     * payouts-service last said), or written off. The event names who and why.
     */
    static List<FundingAccountEvent> resolve(ResolveBlockedCost c, Active a) {
        BlockedCost b = a.blocked().get(c.actionId());
        if (b == null) {
            throw new DomainException.NotFound("no blocked cost " + c.actionId() + " on funding account "
                    + a.accountId());
        }
        if (c.note() == null || c.note().isBlank()) {
            throw new DomainException.BadRequest("resolving a blocked cost needs a note saying why");
        }
        if (c.bookedAmount() == null) {
            return List.of(new BlockedCostResolved(c.actionId(), WRITTEN_OFF, null, c.resolvedBy(), c.note()));
        }
        AmountPolicy.require(a, c.bookedAmount(), "booked cost");
        var resolved = new BlockedCostResolved(c.actionId(), BOOKED, c.bookedAmount(), c.resolvedBy(), c.note());
        return b.locked()
                ? FundingAccount.then(a, resolved, s -> FundingAccount.then(s, new CostLocked(c.actionId(),
                        c.bookedAmount(), b.clearingDate(), b.clearingAt()), t -> Payments.payDue(t, c.now())))
                : List.of(resolved, new CostApproved(c.actionId(), c.bookedAmount(), b.clearingDate(),
                        b.clearingAt()));
    }

    /**
     * A cost the amount rules refuse is kept as blocked (once per change), never dropped; null when
     * the account can book it.
     */
    private static List<FundingAccountEvent> blockedIfUnbookable(Active a, String actionId, Money amount,
                                                                 boolean locked, LocalDate clearingDate,
                                                                 Instant clearingAt) {
        for (AmountPolicy rule : AmountPolicy.values()) {
            if (rule.check(a, amount) instanceof Verdict.Rejected r) {
                var blocked = new CostBlocked(actionId, amount, locked, clearingDate, clearingAt, r.rule(),
                        r.reason());
                BlockedCost known = a.blocked().get(actionId);
                boolean same = known != null && known.amount().equals(amount) && known.locked() == locked
                        && known.rule().equals(r.rule());
                // A cost already on the account stays there while the new amount is blocked: withdraw it first.
                return same ? List.of() : a.costs().containsKey(actionId)
                        ? List.of(new CostWithdrawn(actionId, "blocked: " + r.reason()), blocked) : List.of(blocked);
            }
        }
        return null;
    }

    /** The action's cost on the account, if any, once {@code amount} passed the amount rules. */
    private static Cost cost(Active a, String actionId, Money amount) {
        AmountPolicy.require(a, amount, "cost");
        return a.costs().get(actionId);
    }
}
