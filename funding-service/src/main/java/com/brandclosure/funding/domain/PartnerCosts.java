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
import com.brandclosure.funding.domain.FundingState.Cost;
import com.brandclosure.platform.kernel.Money;

import java.util.List;

/**
 * How the account follows payouts-service's partner costs: an approved cost counts towards Required
 * Funding, a locked one is paid at its clearing time ({@link Payments#payDue}), a reversed or rejected
 * one is withdrawn. payouts-service may repeat itself (redelivery, a restore): what the account already
 * knows changes nothing, and a locked cost is not re-approved.
 */
final class PartnerCosts {

    private PartnerCosts() {
    }

    static List<FundingAccountEvent> approve(ApproveCost c, Active a) {
        Cost existing = cost(a, c.actionId(), c.amount());
        return existing != null && (existing.locked() || existing.amount().equals(c.amount())) ? List.of()
                : List.of(new CostApproved(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()));
    }

    /** A modification of a still pending action is no cost yet: nothing to follow. */
    static List<FundingAccountEvent> change(ChangeCost c, Active a) {
        Cost existing = cost(a, c.actionId(), c.amount());
        return existing == null || existing.amount().equals(c.amount()) ? List.of()
                : List.of(new CostChanged(c.actionId(), c.amount()));
    }

    static List<FundingAccountEvent> withdraw(WithdrawCost c, Active a) {
        return a.costs().containsKey(c.actionId()) ? List.of(new CostWithdrawn(c.actionId(), c.reason())) : List.of();
    }

    /** Locks the cost (once) and pays whatever is due by now, this cost included if its time has come. */
    static List<FundingAccountEvent> lock(LockCost c, Active a) {
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

    /** The action's cost on the account, if any, once {@code amount} passed the amount rules. */
    private static Cost cost(Active a, String actionId, Money amount) {
        AmountPolicy.require(a, amount, "cost");
        return a.costs().get(actionId);
    }
}
