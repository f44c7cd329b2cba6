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
 * How money comes in: a card is credited at once, a wire or ACH transfer when the bank clears it,
 * and only an ACH debit can still fail. Credited money first settles what is past due
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
        boolean pending = !c.method().creditedAtOnce();
        var received = new DepositReceived(c.depositId(), c.method(), c.amount(), pending);
        return pending ? List.of(received) : FundingAccount.then(a, received, Payments::settlePastDue);
    }

    /** The bank cleared it: credited now (a second callback changes nothing). */
    static List<FundingAccountEvent> clear(ClearDeposit c, Active a) {
        Deposit d = deposit(a, c.depositId());
        return d.status() == DepositStatus.CLEARED ? List.of()
                : FundingAccount.then(a, new DepositCleared(c.depositId(), d.amount()), Payments::settlePastDue);
    }

    static List<FundingAccountEvent> fail(FailDeposit c, Active a) {
        Deposit d = deposit(a, c.depositId());
        if (!d.method().canFail()) {
            throw new DomainException.RuleViolation("only ACH deposits can fail; " + c.depositId() + " is "
                    + d.method());
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
