package com.brandclosure.funding.application;

import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.timers.AccountTimer;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * Pays what is due (locked costs at their clearing time, fees on their due date) and re-evaluates
 * the fee window, at the times {@link com.brandclosure.funding.domain.Payments#reviewTimes} set.
 * Timer ids are {@code <accountId>|<epochSecond>}. Idempotent: paid items are gone from the account.
 */
@Component
@TimerKind(PaymentsDueTimer.KIND)
public class PaymentsDueTimer extends AccountTimer {

    public static final String KIND = "funding-due";

    public PaymentsDueTimer(FundingAccounts accounts, CommandContexts contexts) {
        super(contexts, timer -> {
            try {
                accounts.execute(timer.account(), new FundingCommand.PayDue(timer.context().now()), timer.context());
            } catch (DomainException.Conflict | DomainException.NotFound e) {
                // A closed (refunded) account has nothing left to pay; firing again would not change that.
            }
        });
    }
}
