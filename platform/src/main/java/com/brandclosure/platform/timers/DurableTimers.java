package com.brandclosure.platform.timers;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Durable timers kept by db-scheduler in PostgreSQL: they survive restarts, and with several
 * instances each due timer is picked by exactly one. Scheduling joins the caller's transaction
 * (the scheduler client uses a transaction-aware data source), so a timer exists if and only if
 * the command that set it committed.
 */
public class DurableTimers {

    private final SchedulerClient client;
    private final Map<String, Task<String>> tasks;

    public DurableTimers(SchedulerClient client, Map<String, Task<String>> tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** Sets the timer {@code kind/timerId} to fire at {@code at} with {@code data}, moving it if it exists. */
    public void schedule(String kind, String timerId, Instant at, String data) {
        Task<String> task = task(kind);
        if (!client.scheduleIfNotExists(task.instance(timerId, data), at)) {
            client.reschedule(TaskInstanceId.of(kind, timerId), at, data);
        }
    }

    /** Removes the timer if it is set; does nothing otherwise. */
    public void cancel(String kind, String timerId) {
        task(kind);
        if (client.getScheduledExecution(TaskInstanceId.of(kind, timerId)).isPresent()) {
            client.cancel(TaskInstanceId.of(kind, timerId));
        }
    }

    /** When the timer is due, if it is set. */
    public Optional<Instant> dueAt(String kind, String timerId) {
        return client.getScheduledExecution(TaskInstanceId.of(kind, timerId)).map(e -> e.getExecutionTime());
    }

    private Task<String> task(String kind) {
        Task<String> task = tasks.get(kind);
        if (task == null) {
            throw new IllegalArgumentException("no TimerHandler bean for timer kind " + kind);
        }
        return task;
    }
}
