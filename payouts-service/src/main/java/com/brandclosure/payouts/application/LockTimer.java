package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

/**
 * One lock timer per account and lock date ({@code <accountId>|<lockDate>}), set when an action is
 * approved. Idempotent: only actions still approved are locked.
 */
@Component
@TimerKind(ChangedActions.LOCK_TIMER)
public class LockTimer implements TimerHandler {

    private final DueActions due;
    private final CommandContexts contexts;

    public LockTimer(DueActions due, CommandContexts contexts) {
        this.due = due;
        this.contexts = contexts;
    }

    @Override
    public void fire(String timerId, String data) {
        due.lock(AccountId.of(TimerIds.accountOf(timerId)), ChangedActions.dateOf(timerId),
                contexts.forTimer(ChangedActions.LOCK_TIMER, timerId));
    }
}
