package com.brandclosure.platform.ops;

import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The numbers operators watch, read from the platform tables: outbox backlog and timer lag. */
public class OpsQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OpsQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Outbox rows Kafka refused for their content, parked by the relay. */
    public long outboxParked() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM outbox_parked", Long.class);
        return n == null ? 0 : n;
    }

    /** The latest parked outbox rows (without their envelopes), newest first. */
    /** One page of the parked outbox rows, newest first (by id), {@link Paging.Request#fetch()} at most. */
    public java.util.List<java.util.Map<String, Object>> latestParkedOutboxRows(Paging.Request page) {
        String columns = "SELECT id, outbox_id, topic, message_key, event_id::text AS event_id, event_type, "
                + "length(envelope) AS envelope_chars, error, parked_at FROM outbox_parked";
        if (page.fromStart()) {
            return jdbc.queryForList(columns + " ORDER BY id DESC LIMIT ?", page.fetch());
        }
        return jdbc.queryForList(columns + " WHERE id < ? ORDER BY id DESC LIMIT ?", page.afterNumber(0), page.fetch());
    }

    /** The paging cursor of a parked outbox row: its place in {@link #latestParkedOutboxRows}'s order. */
    public static String cursorOfParkedRow(java.util.Map<String, Object> row) {
        return Paging.cursor(row.get("id").toString());
    }

    /** Outbox rows not yet published (beyond the relay's position). */
    public long outboxBacklog() {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM outbox o, outbox_relay_position p
                WHERE p.relay = 'default' AND (o.tx_id, o.id) > (p.last_tx_id, p.last_id)""", Long.class);
        return n == null ? 0 : n;
    }

    /** Age of the oldest unpublished outbox row, or zero. */
    public Duration oldestUnpublishedAge() {
        var oldest = jdbc.queryForObject("""
                SELECT min(o.created_at) FROM outbox o, outbox_relay_position p
                WHERE p.relay = 'default' AND (o.tx_id, o.id) > (p.last_tx_id, p.last_id)""", java.sql.Timestamp.class);
        return oldest == null ? Duration.ZERO : positive(Duration.between(oldest.toInstant(), clock.instant()));
    }

    /** When the relay last moved its position. */
    public Optional<Instant> lastPublishAt() {
        var at = jdbc.queryForObject("SELECT updated_at FROM outbox_relay_position WHERE relay = 'default'",
                java.sql.Timestamp.class);
        return Optional.ofNullable(at).map(java.sql.Timestamp::toInstant);
    }

    /**
     * Each scheduled timer with the time it was first due: a failing timer's first due time is kept in
     * {@code failing_timers} (db-scheduler moves {@code execution_time} on each retry); a failing timer
     * counts while a retry runs too, a timer running for the first time does not.
     */
    private static final String TIMERS_BY_FIRST_DUE = """
            SELECT coalesce(f.first_due, s.execution_time) AS due FROM scheduled_tasks s
            LEFT JOIN failing_timers f ON s.consecutive_failures > 0 AND f.kind = s.task_name AND f.id = s.task_instance
            WHERE NOT s.picked OR f.kind IS NOT NULL""";

    /** Timers whose time has come (counted from their first due time) and that have not run successfully yet. */
    public long timersDue() {
        return timersDueBefore(clock.instant());
    }

    /** Timers first due longer than {@code grace} ago and still not run successfully. */
    public long timersOverdue(Duration grace) {
        return timersDueBefore(clock.instant().minus(grace));
    }

    private long timersDueBefore(Instant instant) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM (" + TIMERS_BY_FIRST_DUE + ") t WHERE due <= ?",
                Long.class, java.sql.Timestamp.from(instant));
        return n == null ? 0 : n;
    }

    /** Timers whose last run threw (retried with backoff; the count drops when a retry succeeds or the timer is parked). */
    public long timersFailing() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE consecutive_failures > 0", Long.class);
        return n == null ? 0 : n;
    }

    /** Timers parked after their last failed attempt, waiting for an operator. */
    public long timersParked() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM parked_timers", Long.class);
        return n == null ? 0 : n;
    }

    /** How late the most overdue timer is, from its first due time, or zero. */
    public Duration timerLag() {
        var oldest = jdbc.queryForObject("SELECT min(due) FROM (" + TIMERS_BY_FIRST_DUE + ") t",
                java.sql.Timestamp.class);
        return oldest == null ? Duration.ZERO : positive(Duration.between(oldest.toInstant(), clock.instant()));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
