/**
 * Durable timers: one db-scheduler task per {@link com.brandclosure.platform.timers.TimerHandler} kind,
 * set and moved in the caller's transaction through {@link com.brandclosure.platform.timers.DurableTimers}.
 *
 * <p><b>Failures.</b> A handler that throws is retried after a growing delay
 * ({@code platform.timers.retry-backoff}, 1 s, doubled each time, at most
 * {@code platform.timers.max-retry-backoff}); after {@code platform.timers.max-attempts} (8) failed
 * attempts in a row the timer is <em>parked</em>: removed from {@code scheduled_tasks} and kept in
 * {@code parked_timers} with its data, first due time, attempts and last error, until an operator
 * re-schedules it (after fixing the cause) or discards it on {@code /actuator/timers}
 * ({@link com.brandclosure.platform.timers.ParkedTimers}). Failures of the infrastructure
 * ({@code Failures.isTransient}) are retried with the same capped backoff but never park a timer.
 *
 * <p><b>First due time.</b> db-scheduler moves a row's {@code execution_time} to the next attempt on
 * every retry, so lag measured from it would never grow. The first due time is therefore kept in a side
 * table, {@code failing_timers (kind, id)}, written by {@link com.brandclosure.platform.timers.TimerRetries}
 * on the first failure, when {@code execution_time} is still the time the timer was due. Until a timer
 * fails, its {@code execution_time} <em>is</em> its first due time, so nothing extra is written when
 * scheduling (the command path stays as it was) and the task data stays the service's own string.
 * The row is deleted when the timer succeeds, is parked, or is moved or cancelled by its service (which
 * also resets db-scheduler's count of failures); the lag queries join it only while
 * {@code scheduled_tasks.consecutive_failures > 0}, so a left-over row can never count.
 * Lag, {@code timers_due}/{@code timers_overdue} and readiness use {@code coalesce(first_due, execution_time)}.
 */
package com.brandclosure.platform.timers;
