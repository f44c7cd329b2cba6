package com.brandclosure.platform.timers;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Durable timers kept by db-scheduler in PostgreSQL: they survive restarts, and with several
 * instances each due timer is picked by exactly one. Scheduling joins the caller's transaction
 * (the scheduler client uses a transaction-aware data source), so a timer exists if and only if
 * the command that set it committed. Moving or cancelling a timer also forgets its failures (see
 * {@link TimerRetries}): the service has decided anew, so its lag counts from the new due time.
 *
 * <p>A timer set to a time already due wakes the scheduler's poll once the setting transaction has
 * committed ({@code checkForDue}). db-scheduler's own immediate execution wakes it at the call, inside the
 * caller's transaction: the poll could then run before the commit, find nothing, and leave the timer to
 * the next poll. The next poll is a wait measured on the scheduler's clock, so on a clock that stands still
 * (the tests' adjustable clock) it never came until the clock moved (a shredding seen to wait 3 min and
 * more in a loaded CI run).
 */
public class DurableTimers {

    private final SchedulerClient client;
    private final Map<String, Task<String>> tasks;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Runnable checkForDue;

    /**
     * @param checkForDue wakes the scheduler's poll for due timers ({@code Scheduler::triggerCheckForDueExecutions})
     */
    public DurableTimers(SchedulerClient client, Map<String, Task<String>> tasks, JdbcTemplate jdbc, Clock clock,
                         Runnable checkForDue) {
        this.client = client;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.checkForDue = checkForDue;
    }

    /** Sets the timer {@code kind/timerId} to fire at {@code at} with {@code data}, moving it if it exists. */
    public void schedule(String kind, String timerId, Instant at, String data) {
        Task<String> task = task(kind);
        if (!client.scheduleIfNotExists(task.instance(timerId, data), at)) {
            // db-scheduler resets the count of failures when a timer is moved.
            client.reschedule(TaskInstanceId.of(kind, timerId), at, data);
            forgetFailures(kind, timerId);
        }
        if (!at.isAfter(clock.instant())) {
            checkForDueAfterCommit();
        }
    }

    private void checkForDueAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    checkForDue.run();
                }
            });
        } else {
            checkForDue.run();
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
