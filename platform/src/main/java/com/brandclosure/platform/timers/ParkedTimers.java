package com.brandclosure.platform.timers;

import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The operator's side of timers that failed: those still being retried ({@code failing_timers})
 * and those parked after the last attempt ({@code parked_timers}). Re-scheduling a parked timer
 * (after its cause is fixed) sets it due now with its stored data, as a new timer with a fresh count
 * of attempts; discarding drops it. A parked timer is only ever changed here: when its service has
 * meanwhile set a timer of the same kind and id, re-scheduling is refused (the service's timer is
 * newer), and the operator discards the parked one.
 */
public class ParkedTimers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DurableTimers timers;
    private final Clock clock;

    public ParkedTimers(JdbcTemplate jdbc, TransactionTemplate tx, DurableTimers timers, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.timers = timers;
        this.clock = clock;
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM parked_timers", Long.class);
        return n == null ? 0 : n;
    }

    /** One page of the parked timers ({@link Paging.Request#fetch()} at most), oldest parked first (then kind, id). */
    public List<Map<String, Object>> parked(Paging.Request page) {
        if (page.fromStart()) {
            return jdbc.queryForList("""
                    SELECT kind, id, data, first_due, attempts, last_error, parked_at FROM parked_timers
                    ORDER BY parked_at, kind, id LIMIT ?""", page.fetch());
        }
        return jdbc.queryForList("""
                SELECT kind, id, data, first_due, attempts, last_error, parked_at FROM parked_timers
                WHERE (parked_at, kind, id) > (?, ?, ?)
                ORDER BY parked_at, kind, id LIMIT ?""", page.afterTimestamp(0), page.after(1), page.after(2),
                page.fetch());
    }

    /** The paging cursor of a parked timer row: its place in {@link #parked(Paging.Request)}'s order. */
    public static String cursorOf(Map<String, Object> row) {
        return Paging.cursor(((java.sql.Timestamp) row.get("parked_at")).toInstant().toString(),
                (String) row.get("kind"), (String) row.get("id"));
    }

    /** Timers being retried, the longest failing first. */
    public List<Map<String, Object>> failing(int limit) {
        return jdbc.queryForList("""
                SELECT f.kind, f.id, f.first_due, f.attempts, f.last_error, f.last_failed_at,
                       s.execution_time AS next_attempt_at
                FROM failing_timers f JOIN scheduled_tasks s ON s.task_name = f.kind AND s.task_instance = f.id
                WHERE s.consecutive_failures > 0
                ORDER BY f.first_due, f.kind, f.id LIMIT ?""", limit);
    }

    /** Sets the parked timer due now with its data and removes it from the parked ones. */
    public Map<String, Object> reschedule(String kind, String id) {
        return tx.execute(status -> {
            List<String> data = jdbc.queryForList(
                    "SELECT data FROM parked_timers WHERE kind = ? AND id = ? FOR UPDATE", String.class, kind, id);
            if (data.isEmpty()) {
                throw new NoSuchElementException("no parked timer " + kind + "/" + id);
            }
            if (timers.dueAt(kind, id).isPresent()) {
                throw new IllegalStateException("a timer " + kind + "/" + id + " is scheduled again by its service;"
                        + " discard the parked one instead");
            }
            Instant now = clock.instant();
            timers.schedule(kind, id, now, data.getFirst());
            jdbc.update("DELETE FROM parked_timers WHERE kind = ? AND id = ?", kind, id);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("kind", kind);
            result.put("id", id);
            result.put("rescheduledAt", now.toString());
            return result;
        });
    }

    /** Drops the parked timer; it never fires. */
    public Map<String, Object> discard(String kind, String id) {
        int removed = jdbc.update("DELETE FROM parked_timers WHERE kind = ? AND id = ?", kind, id);
        if (removed == 0) {
            throw new NoSuchElementException("no parked timer " + kind + "/" + id);
        }
        return Map.of("kind", kind, "id", id, "discarded", true);
    }
}
