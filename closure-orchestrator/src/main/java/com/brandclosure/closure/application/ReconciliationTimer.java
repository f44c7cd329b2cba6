package com.brandclosure.closure.application;

import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reconciler's scheduled pass, a platform durable timer: db-scheduler gives each due timer to one
 * instance, so with several orchestrator instances one pass runs at a time, and a pass survives restarts.
 * <p>
 * The timer is not one instance moved along but two that take turns ({@link #SLOTS}): db-scheduler refuses
 * to move the instance that is firing, so the firing one sets the other, {@code closure.reconciler.interval}
 * ahead, <em>before</em> its pass (a pass that fails and is retried does not stop the turns). At start each
 * instance sets the first slot only if neither is set (so restarts never push a pass further away), and
 * brings a set one forward if the interval was shortened; with {@code closure.reconciler.enabled=false} it
 * removes both. These are no account's timers: {@code reconciler} in the id names the job, not an account.
 */
@Component
@TimerKind(ReconciliationTimer.KIND)
public class ReconciliationTimer implements TimerHandler {

    public static final String KIND = "closure-reconciliation";
    public static final List<String> SLOTS = List.of(TimerIds.of("reconciler", "a"), TimerIds.of("reconciler", "b"));
    private static final String DATA = "{}";

    private final Reconciliation reconciliation;
    private final DurableTimers timers;
    private final CommandContexts contexts;
    private final ClosureProperties.Reconciler settings;

    public ReconciliationTimer(Reconciliation reconciliation, DurableTimers timers, CommandContexts contexts,
                               ClosureProperties properties) {
        this.reconciliation = reconciliation;
        this.timers = timers;
        this.contexts = contexts;
        this.settings = properties.getReconciler();
    }

    @Override
    public void fire(String timerId, String data) {
        if (!settings.isEnabled()) {
            return;
        }
        var ctx = contexts.forTimer(KIND, timerId);
        timers.schedule(KIND, other(timerId), ctx.now().plus(settings.getInterval()), DATA);
        reconciliation.everyClosure(ctx);
    }

    /** When the next scheduled pass is due (empty: none is set, the scheduled pass is off). */
    public Optional<Instant> nextPassAt() {
        return SLOTS.stream().flatMap(slot -> timers.dueAt(KIND, slot).stream()).min(Instant::compareTo);
    }

    public Duration interval() {
        return settings.getInterval();
    }

    public boolean enabled() {
        return settings.isEnabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void planTheNextPass() {
        if (!settings.isEnabled()) {
            SLOTS.forEach(slot -> {
                try {
                    timers.cancel(KIND, slot);
                } catch (TaskInstanceCurrentlyExecutingException firing) {
                    // It finds the reconciler off and sets no next pass.
                }
            });
            return;
        }
        Instant latest = contexts.clock().instant().plus(settings.getInterval());
        Optional<Instant> next = nextPassAt();
        if (next.isEmpty()) {
            timers.schedule(KIND, SLOTS.getFirst(), latest, DATA);
        } else if (next.get().isAfter(latest)) {
            SLOTS.stream().filter(slot -> timers.dueAt(KIND, slot).isPresent()).findFirst().ifPresent(slot -> {
                try {
                    timers.schedule(KIND, slot, latest, DATA);
                } catch (TaskInstanceCurrentlyExecutingException firing) {
                    // A pass is running now and sets the next one itself.
                }
            });
        }
    }

    private static String other(String timerId) {
        return SLOTS.getFirst().equals(timerId) ? SLOTS.get(1) : SLOTS.getFirst();
    }
}
