package com.brandclosure.platform.timers;

import com.brandclosure.platform.inbox.Failures;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens when a timer's handler throws: the failure is recorded in {@code failing_timers}
 * (first due time, attempts, last error) and the timer is retried after a growing delay
 * ({@code backoff}, doubled on each failure, at most {@code maxBackoff}). A timer that failed on its
 * content {@code maxAttempts} times in a row is parked: moved to {@code parked_timers} and removed
 * from {@code scheduled_tasks}, in one transaction (the scheduler's data source joins Spring
 * transactions). A failure of the infrastructure ({@link Failures#isTransient}: database
 * unavailable, lock timeout, ...) is retried with the same capped backoff but never parks the timer.
 */
public final class TimerRetries implements FailureHandler<String> {

    private static final Logger log = LoggerFactory.getLogger(TimerRetries.class);
    private static final int MAX_ERROR_CHARS = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    public TimerRetries(JdbcTemplate jdbc, TransactionTemplate tx, int maxAttempts, Duration backoff,
                        Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("platform.timers.max-attempts must be at least 1");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** The delay before the next attempt after {@code attempts} failed ones: backoff * 2^(attempts-1), capped. */
    public Duration delayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = backoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Execution execution = complete.getExecution();
        String kind = execution.getTaskName();
        String id = execution.getId();
        int attempts = execution.consecutiveFailures + 1;
        Throwable cause = complete.getCause().orElse(null);
        boolean infrastructure = cause != null && Failures.isTransient(cause);
        String error = describe(cause);
        Instant failedAt = complete.getTimeDone();
        tx.executeWithoutResult(status -> {
            // On the first failure the execution time is still the time the timer was due: keep it.
            jdbc.update("""
                    INSERT INTO failing_timers (kind, id, first_due, attempts, last_error, last_failed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (kind, id) DO UPDATE SET
                        first_due = CASE WHEN excluded.attempts = 1 THEN excluded.first_due ELSE failing_timers.first_due END,
                        attempts = excluded.attempts, last_error = excluded.last_error,
                        last_failed_at = excluded.last_failed_at""",
                    kind, id, Timestamp.from(execution.executionTime), attempts, error, Timestamp.from(failedAt));
            if (!infrastructure && attempts >= maxAttempts) {
                jdbc.update("""
                        WITH failed AS (DELETE FROM failing_timers WHERE kind = ? AND id = ? RETURNING *)
                        INSERT INTO parked_timers (kind, id, data, first_due, attempts, last_error, parked_at)
                        SELECT kind, id, ?, first_due, attempts, last_error, ? FROM failed
                        ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, first_due = excluded.first_due,
                            attempts = excluded.attempts, last_error = excluded.last_error, parked_at = excluded.parked_at""",
                        kind, id, execution.taskInstance.getData(), Timestamp.from(failedAt));
                operations.remove();
                log.error("timer {}/{} parked after {} failed attempts: {}", kind, id, attempts, error);
            } else {
                Duration delay = delayAfter(attempts);
                operations.reschedule(complete, failedAt.plus(delay));
                log.warn("timer {}/{} failed (attempt {}{}), retried in {}: {}", kind, id, attempts,
                        infrastructure ? ", infrastructure" : " of " + maxAttempts, delay, error);
            }
        });
    }

    /** After a successful run of a timer that had failed before: it is no longer failing. */
    public void succeeded(String kind, String id) {
        jdbc.update("DELETE FROM failing_timers WHERE kind = ? AND id = ?", kind, id);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String text = cause.toString();
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    }
}
