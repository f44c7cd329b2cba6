package com.brandclosure.platform.ops;

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
    public java.util.List<java.util.Map<String, Object>> latestParkedOutboxRows(int limit) {
        return jdbc.queryForList("SELECT id, outbox_id, topic, message_key, event_id::text AS event_id, event_type, "
                + "length(envelope) AS envelope_chars, error, parked_at FROM outbox_parked ORDER BY id DESC LIMIT ?", limit);
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

    /** Timers whose time has come and that have not run yet. */
    public long timersDue() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ? AND NOT picked",
                Long.class, java.sql.Timestamp.from(clock.instant()));
        return n == null ? 0 : n;
    }

    /** Timers due for longer than {@code grace} and still not run. */
    public long timersOverdue(Duration grace) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ? AND NOT picked",
                Long.class, java.sql.Timestamp.from(clock.instant().minus(grace)));
        return n == null ? 0 : n;
    }

    /** Timers whose last run threw (db-scheduler retries them; the count drops when a retry succeeds). */
    public long timersFailing() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE consecutive_failures > 0", Long.class);
        return n == null ? 0 : n;
    }

    /** How late the most overdue timer is, or zero. */
    public Duration timerLag() {
        var oldest = jdbc.queryForObject("SELECT min(execution_time) FROM scheduled_tasks WHERE NOT picked",
                java.sql.Timestamp.class);
        return oldest == null ? Duration.ZERO : positive(Duration.between(oldest.toInstant(), clock.instant()));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
