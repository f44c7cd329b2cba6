package com.brandclosure.platform.timers;

import com.brandclosure.platform.config.PlatformProperties;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts db-scheduler after the context is ready (so handlers' dependencies exist) and stops it first on shutdown. */
public class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    public SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static Scheduler build(DataSource dataSource, List<Task<String>> timerTasks, RecurringTask<Void> recurring,
                                  PlatformProperties.Timers settings, Clock clock) {
        // startTasks registers the recurring task as a known task too: list it only there.
        List<Task<?>> oneTime = new ArrayList<>(timerTasks);
        return Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                .serializer(new Utf8Serializer())
                .pollingInterval(settings.getPollingInterval())
                .heartbeatInterval(Duration.ofSeconds(5))
                .threads(settings.getThreads())
                // No enableImmediateExecution(): it wakes the poll inside the scheduling transaction, before the
                // commit; DurableTimers wakes it after the commit instead.
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(2))
                .clock(clock::instant)
                .build();
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    /**
     * db-scheduler cannot start again once stopped (its executors are terminated), so this component
     * keeps running while a context is paused (Spring's test context cache pauses contexts that no
     * test class is using, then restarts them) and stops only when the context closes.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
