package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.timers.AccountTimer;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * One clearing timer per account and clearing date ({@code <accountId>|<clearingDate>}), set when an
 * action is locked. Idempotent: only actions still locked are cleared.
 */
@Component
@TimerKind(ChangedActions.CLEAR_TIMER)
public class ClearingTimer extends AccountTimer {

    public ClearingTimer(DueActions due, CommandContexts contexts) {
        super(contexts, timer -> due.clear(timer.account(), ChangedActions.dateOf(timer.key()), timer.context()));
    }
}
