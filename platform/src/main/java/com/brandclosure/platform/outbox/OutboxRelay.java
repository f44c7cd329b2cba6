package com.brandclosure.platform.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in commit-safe order and advances its position only after the
 * broker acknowledged every record of the batch (acks=all, idempotent producer).
 * <p>
 * Why xid8: a {@code bigserial} id is taken when a row is inserted, not when its transaction
 * commits, so a reader that trusts "everything below the highest id I saw" skips rows of a
 * transaction that commits late. Each row also records {@code pg_current_xact_id()}; the relay
 * reads only rows whose transaction id is below {@code pg_snapshot_xmin(pg_current_snapshot())},
 * i.e. rows of transactions that have all finished, ordered by (transaction id, id). A
 * transaction still running has an id at or above that horizon, so its rows are read in a
 * later round, never skipped.
 * <p>
 * One relay per database at a time: the position row is locked with {@code FOR UPDATE SKIP
 * LOCKED}, so a second instance idles until the first dies. A crash between the send and the
 * position update re-sends the batch: consumers see a duplicate with the same event id and
 * drop it (see the inbox).
 */
public class OutboxRelay implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** A test seam: called after the batch was acknowledged, before the position is written. */
    public interface AfterSendHook {
        void afterSend(int batchSize);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final java.util.function.Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Clock clock;
    private final AfterSendHook afterSend;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;
    private final AtomicLong published = new AtomicLong();
    private volatile Instant lastPublishAt;
    private volatile boolean heldBack;
    private static final long HELD_BACK_RETRY_MILLIS = 5;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, java.util.function.Supplier<Producer<String, String>> producers,
                       int batchSize,
                       Duration pollInterval, Clock clock, AfterSendHook afterSend) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producers = producers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.afterSend = afterSend;
    }

    /** Wakes the relay: something was committed to the outbox. */
    public void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops the relay thread if it runs and closes the producer. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka listeners and after the web server: see SmartLifecycle ordering.
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                int sent = relayOnce();
                backoffMillis = 0;
                if (sent < batchSize) {
                    // Rows held back behind a still-running transaction become readable the moment it
                    // ends, and that commit may send no NOTIFY of its own: look again soon.
                    awaitSignal(heldBack ? HELD_BACK_RETRY_MILLIS : pollInterval.toMillis());
                }
            } catch (RuntimeException e) {
                backoffMillis = Math.min(5_000, Math.max(100, backoffMillis * 2));
                if (running) {
                    log.warn("outbox relay round failed; position unchanged, retrying in {} ms: {}", backoffMillis,
                            e.toString());
                }
                awaitSignal(backoffMillis);
            }
        }
    }

    private void awaitSignal(long millis) {
        synchronized (signal) {
            if (!signalled && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    private record Row(long id, String txId, String topic, String key, String eventId, String type, String envelope) {
    }

    /**
     * One round: lock the position, read the next batch of finished transactions' rows, send
     * them, wait for every acknowledgement, move the position. Returns how many were sent
     * (0 if another instance holds the position).
     */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<String[]> position = jdbc.query(
                    "SELECT last_tx_id::text, last_id FROM outbox_relay_position WHERE relay = 'default' "
                            + "FOR UPDATE SKIP LOCKED",
                    (rs, i) -> new String[]{rs.getString(1), rs.getString(2)});
            if (position.isEmpty()) {
                return 0;
            }
            String lastTx = position.get(0)[0];
            long lastId = Long.parseLong(position.get(0)[1]);
            List<Row> rows = jdbc.query("""
                    SELECT o.id, o.tx_id::text AS tx_text, o.topic, o.message_key, o.event_id::text, o.event_type,
                           o.envelope
                    FROM outbox o
                    WHERE (o.tx_id, o.id) > (?::xid8, ?) AND o.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                    ORDER BY o.tx_id, o.id LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)),
                    lastTx, lastId, batchSize);
            if (rows.size() < batchSize) {
                Row lastRead = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                heldBack = Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM outbox o WHERE (o.tx_id, o.id) > (?::xid8, ?) "
                                + "AND o.tx_id >= pg_snapshot_xmin(pg_current_snapshot()))", Boolean.class,
                        lastRead == null ? lastTx : lastRead.txId(), lastRead == null ? lastId : lastRead.id()));
            } else {
                heldBack = false;
            }
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            afterSend.afterSend(rows.size());
            Row last = rows.get(rows.size() - 1);
            jdbc.update("UPDATE outbox_relay_position SET last_tx_id = ?::xid8, last_id = ?, updated_at = now() "
                    + "WHERE relay = 'default'", last.txId(), last.id());
            return rows.size();
        });
        if (sent != null && sent > 0) {
            published.addAndGet(sent);
            lastPublishAt = clock.instant();
        }
        return sent == null ? 0 : sent;
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            current = producers.get();
            producer = current;
        }
        return current;
    }

    private void closeProducer(Duration timeout) {
        Producer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(timeout);
        }
    }

    /**
     * Sends the batch and waits for every acknowledgement. On any failure the producer is
     * discarded: the next round starts a fresh one (new producer id and sequence numbers), so a
     * producer stuck retrying (e.g. out-of-order sequence after a leader change) cannot block the relay.
     */
    private void send(List<Row> rows) {
        try {
            sendWith(producer(), rows);
        } catch (RuntimeException e) {
            closeProducer(Duration.ZERO);
            throw e;
        }
    }

    private void sendWith(Producer<String, String> producer, List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            var record = new ProducerRecord<>(row.topic(), null, row.key(), row.envelope(), List.of(
                    new RecordHeader("event-id", row.eventId().getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("event-type", row.type().getBytes(StandardCharsets.UTF_8))));
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox record; the batch will be re-sent",
                        e);
            }
        }
    }

    /** Outbox records published by this instance since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** When this instance last published, or null. */
    public Instant lastPublishAt() {
        return lastPublishAt;
    }
}
