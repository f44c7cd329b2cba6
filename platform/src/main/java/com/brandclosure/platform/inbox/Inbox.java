package com.brandclosure.platform.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Exactly-one effect per consumed event id: the effect and the record that the event was
 * processed commit in one transaction. A redelivery finds the record and does nothing.
 * <p>
 * The record is written <em>after</em> the effect on purpose: the effect's event-store append
 * is then the transaction's first write, so its transaction id (which orders the outbox) is
 * taken after the stream was read; see {@code OutboxRelay}.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AtomicLong duplicatesSkipped = new AtomicLong();

    public Inbox(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Runs {@code effect} unless {@code consumer} already processed {@code eventId}. True if it ran. */
    public boolean processOnce(String consumer, String eventId, Runnable effect) {
        return processOnce(consumer, eventId, () -> {
            effect.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Like {@link #processOnce(String, String, Runnable)}, returning the effect's result, or null if skipped. */
    public <T> T processOnce(String consumer, String eventId, Supplier<T> effect) {
        return tx.execute(status -> {
            if (alreadyProcessed(consumer, eventId)) {
                duplicatesSkipped.incrementAndGet();
                return null;
            }
            T result = effect.get();
            int inserted = jdbc.update("INSERT INTO processed_messages (consumer, event_id) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", consumer, eventId);
            if (inserted == 0) {
                // A concurrent delivery of the same event committed first: undo this one's effect.
                status.setRollbackOnly();
                duplicatesSkipped.incrementAndGet();
                return null;
            }
            return result;
        });
    }

    public boolean alreadyProcessed(String consumer, String eventId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed_messages WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
        return n != null && n > 0;
    }

    /** Redeliveries dropped by this instance since it started. */
    public long duplicatesSkipped() {
        return duplicatesSkipped.get();
    }
}
