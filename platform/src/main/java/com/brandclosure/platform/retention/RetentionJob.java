package com.brandclosure.platform.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Purges outbox rows that were published and are older than the outbox retention,
 * processed-message records older than the inbox retention, dead letters that were replayed
 * longer ago than the replayed-dead-letter retention or recorded longer ago than the dead-letter
 * retention, and the rows of every {@link RetentionPolicy} a service declares. The inbox retention
 * must exceed how long a redelivery can arrive late (Kafka's retention of the consumed topics).
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Rows purged per table. */
    public record Purged(long outbox, long processed, long deadLetters, Map<String, Long> byPolicy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration processedRetention;
    private final Duration replayedDeadLetterRetention;
    private final Duration deadLetterRetention;
    private final List<RetentionPolicy> policies;

    public RetentionJob(JdbcTemplate jdbc, Clock clock, Duration outboxRetention, Duration processedRetention) {
        this(jdbc, clock, outboxRetention, processedRetention, Duration.ofDays(7), Duration.ofDays(90), List.of());
    }

    public RetentionJob(JdbcTemplate jdbc, Clock clock, Duration outboxRetention, Duration processedRetention,
                        Duration replayedDeadLetterRetention, Duration deadLetterRetention,
                        List<RetentionPolicy> policies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outboxRetention = outboxRetention;
        this.processedRetention = processedRetention;
        this.replayedDeadLetterRetention = replayedDeadLetterRetention;
        this.deadLetterRetention = deadLetterRetention;
        this.policies = List.copyOf(policies);
    }

    /** Returns {outbox rows purged, processed records purged}; {@link #purgeAll()} has every count. */
    public long[] purge() {
        Purged purged = purgeAll();
        return new long[]{purged.outbox(), purged.processed()};
    }

    public Purged purgeAll() {
        int outbox = jdbc.update("""
                DELETE FROM outbox o USING outbox_relay_position p
                WHERE p.relay = 'default' AND o.created_at < now() - make_interval(secs => ?)
                  AND (o.tx_id, o.id) <= (p.last_tx_id, p.last_id)""",
                seconds(outboxRetention));
        // These three tables are stamped by the database (DEFAULT now()), so their age is measured on its clock: on
        // the service's clock, which an operator or a test may move ahead, a jump past the retention purged every
        // processed-message record at once, and a redelivery after it was applied a second time.
        int processed = jdbc.update("DELETE FROM processed_messages WHERE processed_at < now() - make_interval(secs => ?)",
                seconds(processedRetention));
        // A dead letter that still parks an account stays until the operator releases it: the release
        // replays or discards exactly that record (and the foreign key would refuse the whole DELETE).
        int deadLetters = jdbc.update("""
                DELETE FROM dead_letters d
                WHERE (d.replayed_at < now() - make_interval(secs => ?) OR d.recorded_at < now() - make_interval(secs => ?))
                  AND NOT EXISTS (SELECT 1 FROM parked_accounts p WHERE p.dead_letter_id = d.id)""",
                seconds(replayedDeadLetterRetention), seconds(deadLetterRetention));
        Map<String, Long> byPolicy = new LinkedHashMap<>();
        for (RetentionPolicy policy : policies) {
            // Identifiers are checked by RetentionPolicy; the cut-off is a parameter.
            long n = jdbc.update("DELETE FROM " + policy.table() + " WHERE " + policy.timestampColumn() + " < ?",
                    before(policy.maxAge()));
            byPolicy.merge(policy.table(), n, Long::sum);
        }
        long others = byPolicy.values().stream().mapToLong(Long::longValue).sum();
        if (outbox > 0 || processed > 0 || deadLetters > 0 || others > 0) {
            log.info("retention purged {} published outbox rows, {} processed-message records, {} dead letters and {}",
                    outbox, processed, deadLetters, byPolicy);
        }
        return new Purged(outbox, processed, deadLetters, Map.copyOf(byPolicy));
    }

    private static double seconds(Duration retention) {
        return retention.toMillis() / 1000.0;
    }

    private Timestamp before(Duration retention) {
        return Timestamp.from(clock.instant().minus(retention));
    }
}
