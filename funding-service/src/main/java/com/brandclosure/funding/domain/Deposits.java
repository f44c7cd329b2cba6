package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.DepositCleared;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositFailed;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositReceived;
import com.brandclosure.funding.domain.FundingCommand.ClearDeposit;
import com.brandclosure.funding.domain.FundingCommand.FailDeposit;
import com.brandclosure.funding.domain.FundingCommand.ReceiveDeposit;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Deposit;
import com.brandclosure.funding.domain.FundingState.DepositStatus;
import com.brandclosure.platform.kernel.DomainException;

import java.util.List;

/**
 * How money comes in: a brand's deposit request records the intent; the money is credited only when
 * the payment side confirms it (a SERVICE callback: a card processor may confirm at once, a bank when
 * the transfer clears). A request can fail before that; once credited only an ACH debit can still fail. Credited money first settles what is past due
 * ({@link Payments#settlePastDue}).
 */
final class Deposits {

    private Deposits() {
    }

    static List<FundingAccountEvent> receive(ReceiveDeposit c, Active a) {
        AmountPolicy.require(a, c.amount(), "deposit");
        if (a.deposits().containsKey(c.depositId())) {
            throw new DomainException.Conflict("deposit " + c.depositId() + " was already received");
        }
        try {
            a.balance().plus(a.pendingDeposits()).plus(c.amount());
        } catch (ArithmeticException e) {
            throw new DomainException.BadRequest("deposit " + c.amount() + " would overflow the balance");
        }
        // The request is the brand's word only: nothing is credited before the payment side confirms.
        return List.of(new DepositReceived(c.depositId(), c.method(), c.amount(), true));
    }

    /**
     * The payment side confirmed it (a card processor at once, a bank when the transfer clears):
     * credited now (a second callback changes nothing).
     */
    static List<FundingAccountEvent> clear(ClearDeposit c, Active a) {
        Deposit d = deposit(a, c.depositId());
        return d.status() == DepositStatus.CLEARED ? List.of()
                : FundingAccount.then(a, new DepositCleared(c.depositId(), d.amount()), Payments::settlePastDue);
    }

    static List<FundingAccountEvent> fail(FailDeposit c, Active a) {
        Deposit d = deposit(a, c.depositId());
        // A request the payment side declines fails whatever its method; once credited only an ACH debit can bounce.
        if (d.status() == DepositStatus.CLEARED && !d.method().canFail()) {
            throw new DomainException.RuleViolation("only ACH deposits can fail once credited; " + c.depositId()
                    + " is " + d.method());
        }
        return List.of(new DepositFailed(c.depositId(), d.amount(), c.reason()));
    }

    private static Deposit deposit(Active a, String depositId) {
        Deposit d = a.deposits().get(depositId);
        if (d == null) {
            throw new DomainException.NotFound("deposit " + depositId + " not found");
        }
        return d;
    }
}
