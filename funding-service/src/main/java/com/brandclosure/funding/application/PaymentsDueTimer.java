package com.brandclosure.funding.application;

import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * Pays what is due (locked costs at their clearing time, fees on their due date) and re-evaluates
 * the fee window, at the times {@link com.brandclosure.funding.domain.Payments#reviewTimes} set.
 * Timer ids are {@code <accountId>|<epochSecond>}. Idempotent: paid items are gone from the account.
 */
@Component
@TimerKind(PaymentsDueTimer.KIND)
public class PaymentsDueTimer implements TimerHandler {

    public static final String KIND = "funding-due";

    private final FundingAccounts accounts;
    private final CommandContexts contexts;

    public PaymentsDueTimer(FundingAccounts accounts, CommandContexts contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    public void fire(String timerId, String data) {
        CommandContext ctx = contexts.forTimer(KIND, timerId);
        try {
            accounts.execute(AccountId.of(TimerIds.accountOf(timerId)), new FundingCommand.PayDue(ctx.now()), ctx);
        } catch (DomainException.Conflict | DomainException.NotFound e) {
            // A closed (refunded) account has nothing left to pay; firing again would not change that.
        }
    }
}
