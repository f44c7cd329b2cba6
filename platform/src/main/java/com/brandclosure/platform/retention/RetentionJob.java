package com.brandclosure.platform.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Purges outbox rows that were published and are older than the outbox retention, and
 * processed-message records older than the inbox retention. The inbox retention must exceed
 * how long a redelivery can arrive late (Kafka's retention of the consumed topics).
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration processedRetention;

    public RetentionJob(JdbcTemplate jdbc, Clock clock, Duration outboxRetention, Duration processedRetention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outboxRetention = outboxRetention;
        this.processedRetention = processedRetention;
    }

    /** Returns {outbox rows purged, processed records purged}. */
    public long[] purge() {
        Timestamp outboxBefore = Timestamp.from(clock.instant().minus(outboxRetention));
        Timestamp processedBefore = Timestamp.from(clock.instant().minus(processedRetention));
        int outbox = jdbc.update("""
                DELETE FROM outbox o USING outbox_relay_position p
                WHERE p.relay = 'default' AND o.created_at < ? AND (o.tx_id, o.id) <= (p.last_tx_id, p.last_id)""",
                outboxBefore);
        int processed = jdbc.update("DELETE FROM processed_messages WHERE processed_at < ?", processedBefore);
        if (outbox > 0 || processed > 0) {
            log.info("retention purged {} published outbox rows and {} processed-message records", outbox, processed);
        }
        return new long[]{outbox, processed};
    }
}
