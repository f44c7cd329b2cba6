package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosure;

import com.brandclosure.closure.domain.AccountClosureCommand.FireLockDateTimer;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.AccountTimer;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.springframework.stereotype.Component;

/**
 * The durable lock-date timer of a closure. One timer instance per schedule
 * ({@code TimerIds.of(account, scheduleVersion)}), not one per account moved around: db-scheduler
 * refuses to move or cancel an instance while it fires, so a reschedule racing a firing would
 * fail. With an instance per schedule a new schedule never touches the firing one, and the firing
 * one, outdated, finds its version stale and does nothing. The data repeats the version so the
 * handler needs nothing but the data to judge.
 */
@Component
@TimerKind(LockDateTimer.KIND)
public class LockDateTimer extends AccountTimer {

    public static final String KIND = "closure-lock-date";

    public LockDateTimer(ClosureSaga saga, CommandContexts contexts, JsonCodec json) {
        super(contexts, timer -> saga.decide(timer.account(), timer.context(),
                new FireLockDateTimer(parseVersion(json, timer.data()), timer.context().now())));
    }

    /** The timer follows the state: set when a wait for the lock date begins or moves, removed when it ends. */
    static void follow(Work work, AccountId account, AccountClosureState before, AccountClosureState after) {
        var was = AccountClosure.lockDateWait(before);
        var now = AccountClosure.lockDateWait(after);
        long wasWaitingFor = was.map(AccountClosure.LockDateWait::scheduleVersion).orElse(0L);
        long waitsFor = now.map(AccountClosure.LockDateWait::scheduleVersion).orElse(0L);
        if (wasWaitingFor == waitsFor) {
            return;
        }
        if (wasWaitingFor != 0) {
            try {
                work.cancel(KIND, timerId(account, wasWaitingFor));
            } catch (TaskInstanceCurrentlyExecutingException firingNow) {
                // It is firing as we speak: it will find its schedule outdated and do nothing.
            }
        }
        if (now.isPresent()) {
            work.schedule(KIND, timerId(account, waitsFor), now.get().fireAt(), "{\"scheduleVersion\":" + waitsFor + "}");
        }
    }

    static String timerId(AccountId account, long scheduleVersion) {
        return TimerIds.of(account.value(), String.valueOf(scheduleVersion));
    }

    private static long parseVersion(JsonCodec json, String data) {
        var version = data == null ? null : json.parse(data).get("scheduleVersion");
        if (version == null || !version.canConvertToLong()) {
            throw new IllegalArgumentException("lock-date timer data lacks a schedule version: " + data);
        }
        return version.asLong();
    }
}
