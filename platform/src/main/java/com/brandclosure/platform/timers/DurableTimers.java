package com.brandclosure.platform.timers;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Durable timers kept by db-scheduler in PostgreSQL: they survive restarts, and with several
 * instances each due timer is picked by exactly one. Scheduling joins the caller's transaction
 * (the scheduler client uses a transaction-aware data source), so a timer exists if and only if
 * the command that set it committed. Moving or cancelling a timer also forgets its failures (see
 * {@link TimerRetries}): the service has decided anew, so its lag counts from the new due time.
 */
public class DurableTimers {

    private final SchedulerClient client;
    private final Map<String, Task<String>> tasks;
    private final JdbcTemplate jdbc;

    public DurableTimers(SchedulerClient client, Map<String, Task<String>> tasks, JdbcTemplate jdbc) {
        this.client = client;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** Sets the timer {@code kind/timerId} to fire at {@code at} with {@code data}, moving it if it exists. */
    public void schedule(String kind, String timerId, Instant at, String data) {
        Task<String> task = task(kind);
        if (!client.scheduleIfNotExists(task.instance(timerId, data), at)) {
            // db-scheduler resets the count of failures when a timer is moved.
            client.reschedule(TaskInstanceId.of(kind, timerId), at, data);
            forgetFailures(kind, timerId);
        }
    }

    /** Removes the timer if it is set; does nothing otherwise. */
    public void cancel(String kind, String timerId) {
        task(kind);
        if (client.getScheduledExecution(TaskInstanceId.of(kind, timerId)).isPresent()) {
            client.cancel(TaskInstanceId.of(kind, timerId));
            forgetFailures(kind, timerId);
        }
    }

    private void forgetFailures(String kind, String timerId) {
        jdbc.update("DELETE FROM failing_timers WHERE kind = ? AND id = ?", kind, timerId);
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
