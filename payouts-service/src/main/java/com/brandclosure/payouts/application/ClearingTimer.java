package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * One clearing timer per account and clearing date ({@code <accountId>|<clearingDate>}), set when an
 * action is locked. Idempotent: only actions still locked are cleared.
 */
@Component
@TimerKind(ChangedActions.CLEAR_TIMER)
public class ClearingTimer implements TimerHandler {

    private final DueActions due;
    private final CommandContexts contexts;

    public ClearingTimer(DueActions due, CommandContexts contexts) {
        this.due = due;
        this.contexts = contexts;
    }

    @Override
    public void fire(String timerId, String data) {
        due.clear(AccountId.of(TimerIds.accountOf(timerId)), ChangedActions.dateOf(timerId),
                contexts.forTimer(ChangedActions.CLEAR_TIMER, timerId));
    }
}
