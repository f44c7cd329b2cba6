package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureCommand.FireLockDateTimer;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.platform.timers.TimerHandler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The durable lock-date timer of a closure. One timer instance per schedule
 * ({@code <account>:<scheduleVersion>}), not one per account moved around: db-scheduler refuses
 * to move or cancel an instance while it fires, so a reschedule racing a firing would fail. With
 * an instance per schedule a new schedule never touches the firing one, and the firing one,
 * outdated, finds its version stale and does nothing. The data repeats the version so the
 * handler needs nothing but the data to judge.
 */
@Component
public class LockDateTimer implements TimerHandler {

    public static final String KIND = "closure-lock-date";

    private final ObjectProvider<DurableTimers> timers;
    private final ObjectProvider<ClosureService> closures;
    private final CommandContexts contexts;
    private final JsonCodec json;

    // Providers: the platform builds the timers from the handlers, and the service uses the timers.
    public LockDateTimer(ObjectProvider<DurableTimers> timers, ObjectProvider<ClosureService> closures,
                         CommandContexts contexts, JsonCodec json) {
        this.json = json;
        this.timers = timers;
        this.closures = closures;
        this.contexts = contexts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String timerId, String data) {
        AccountId account = AccountId.of(timerId.substring(0, timerId.lastIndexOf(':')));
        long scheduleVersion = parseVersion(data);
        var ctx = contexts.forTimer(KIND, timerId);
        closures.getObject().executeInternal(account, ctx, state -> new FireLockDateTimer(scheduleVersion, ctx.now()));
    }

    void schedule(AccountId account, long scheduleVersion, Instant at) {
        timers.getObject().schedule(KIND, timerId(account, scheduleVersion), at,
                "{\"scheduleVersion\":" + scheduleVersion + "}");
    }

    void cancel(AccountId account, long scheduleVersion) {
        try {
            timers.getObject().cancel(KIND, timerId(account, scheduleVersion));
        } catch (TaskInstanceCurrentlyExecutingException firingNow) {
            // It is firing as we speak: it will find its schedule outdated and do nothing.
        }
    }

    static String timerId(AccountId account, long scheduleVersion) {
        return account.value() + ":" + scheduleVersion;
    }

    private long parseVersion(String data) {
        var version = data == null ? null : json.parse(data).get("scheduleVersion");
        if (version == null || !version.canConvertToLong()) {
            throw new IllegalArgumentException("lock-date timer data lacks a schedule version: " + data);
        }
        return version.asLong();
    }
}
