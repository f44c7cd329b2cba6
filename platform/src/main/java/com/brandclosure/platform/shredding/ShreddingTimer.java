package com.brandclosure.platform.shredding;

import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;

/** Fires at closure + retention and shreds the account (idempotent: a shredded account is left alone). */
@TimerKind(Shredding.TIMER_KIND)
public class ShreddingTimer implements TimerHandler {

    private final Shredding shredding;

    public ShreddingTimer(Shredding shredding) {
        this.shredding = shredding;
    }

    @Override
    public void fire(String timerId, String data) {
        shredding.shredWhenDue(TimerIds.accountOf(timerId));
    }
}
