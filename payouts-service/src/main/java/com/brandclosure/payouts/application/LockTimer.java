package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.timers.AccountTimer;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * One lock timer per account and lock date ({@code <accountId>|<lockDate>}), set when an action is
 * approved. Idempotent: only actions still approved are locked.
 */
@Component
@TimerKind(ChangedActions.LOCK_TIMER)
public class LockTimer extends AccountTimer {

    public LockTimer(DueActions due, CommandContexts contexts) {
        super(contexts, timer -> due.lock(timer.account(), ChangedActions.dateOf(timer.key()), timer.context()));
    }
}
