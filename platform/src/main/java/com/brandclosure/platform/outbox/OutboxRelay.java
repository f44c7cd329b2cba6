package com.brandclosure.platform.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import com.brandclosure.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

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
 * One relay per database at a time: the relay owns a <em>session</em> advisory lock on a connection
 * of its own, so it holds no transaction (and no transaction id) while it talks to Kafka; a second
 * instance idles until the owner's connection goes away. Reads and position updates are single
 * autocommit statements on that connection. A crash between the send and the position update
 * re-sends the batch: consumers see a duplicate with the same event id and drop it.
 * <p>
 * The running relay pipelines: it reads and sends the next batch while the broker acknowledges the
 * previous one, and writes a batch's position only once all of it (and everything before it) is
 * acknowledged.
 * <p>
 * A row that Kafka refuses for its content (larger than the producer or broker accepts, an invalid
 * or unknown topic) is moved to {@code outbox_parked} with the reason and the relay goes on: one
 * bad row never stalls the rows behind it. A failure of the broker itself is retried, with the
 * position unchanged.
 * <p>
 * A row's {@code traceparent} (the span that caused it) goes with it as the {@code traceparent} header,
 * so the consumer continues that trace (platform.tracing); the relay opens no span of its own.
 */
public class OutboxRelay implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long OWNER_LOCK = 0x6f7574626f78L; // "outbox"

    /** A test seam: called after the batch was acknowledged, before the position is written. */
    public interface AfterSendHook {
        void afterSend(int batchSize);
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final java.util.function.Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Clock clock;
    private final AfterSendHook afterSend;
    private final Predicate<String> knownTopic;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;
    private Connection owner;
    private volatile boolean owning;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile Instant lastPublishAt;
    private volatile boolean heldBack;
    private static final long HELD_BACK_RETRY_MILLIS = 5;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, java.util.function.Supplier<Producer<String, String>> producers,
                       int batchSize, Duration pollInterval, Clock clock, AfterSendHook afterSend) {
        this(jdbc, producers, batchSize, pollInterval, clock, afterSend, topic -> true);
    }

    public OutboxRelay(JdbcTemplate jdbc, java.util.function.Supplier<Producer<String, String>> producers,
                       int batchSize, Duration pollInterval, Clock clock, AfterSendHook afterSend,
                       Predicate<String> knownTopic) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.producers = producers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.afterSend = afterSend;
        this.knownTopic = knownTopic;
    }

    /** Wakes the relay: something was committed to the outbox. */
    public void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** True while this instance's relay owns the position (so writers here need not NOTIFY other instances). */
    public boolean owning() {
        return owning && running;
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
                thread.join(2_000);
                if (thread.isAlive()) {
                    // Still blocked in I/O: waiting for a pool connection while the database is going away
                    // (JVM shutdown), or for acknowledgements. Nothing is lost by interrupting it: the position
                    // moves only after every acknowledgement, so an interrupted batch is re-sent by the next owner.
                    thread.interrupt();
                    thread.join(8_000);
                }
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
        releaseOwnership();
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka listeners and after the web server: see SmartLifecycle ordering.
        return Integer.MAX_VALUE - 1000;
    }

    private record Row(long id, String txId, String topic, String key, String eventId, String type, String envelope,
                       String traceparent) {
    }

    private record Position(String txId, long id) {
    }

    /** A batch on its way to the broker. */
    private record InFlight(List<Row> rows, List<Future<RecordMetadata>> acks) {
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (!acquireOwnership()) {
                    awaitSignal(pollInterval.toMillis());
                    continue;
                }
                int sent = pipelinedRounds();
                backoffMillis = 0;
                if (sent < batchSize) {
                    // Rows held back behind a still-running transaction become readable the moment it
                    // ends, and that commit may wake nobody: look again soon.
                    awaitSignal(heldBack ? HELD_BACK_RETRY_MILLIS : pollInterval.toMillis());
                }
            } catch (RuntimeException | SQLException e) {
                closeProducer(Duration.ZERO);
                releaseOwnership();
                backoffMillis = Math.min(5_000, Math.max(100, backoffMillis * 2));
                if (running) {
                    log.warn("outbox relay round failed; position unchanged, retrying in {} ms: {}", backoffMillis,
                            e.toString());
                }
                awaitSignal(backoffMillis);
            }
        }
        releaseOwnership();
    }

    /**
     * Reads and sends batches while full ones keep coming, with one batch in flight while the next is
     * read; writes each batch's position once it is acknowledged. Returns how many rows were sent.
     */
    private int pipelinedRounds() throws SQLException {
        Position position = readPosition();
        InFlight inFlight = null;
        int total = 0;
        while (running) {
            List<Row> rows = readBatch(position);
            InFlight next = rows.isEmpty() ? null : send(rows);
            if (inFlight != null) {
                total += complete(inFlight);
            }
            if (next == null) {
                return total;
            }
            Row last = rows.get(rows.size() - 1);
            position = new Position(last.txId(), last.id());
            inFlight = next;
            if (rows.size() < batchSize) {
                return total + complete(inFlight);
            }
        }
        return inFlight == null ? total : total + complete(inFlight);
    }

    /**
     * One round, for tests and harnesses: take the position (unless another relay owns it), read the
     * next batch of finished transactions' rows, send them, wait for every acknowledgement, move the
     * position, let the position go. Returns how many were sent (0 if another relay owns it).
     */
    public int relayOnce() {
        if (running) {
            throw new IllegalStateException("relayOnce is for a relay whose loop is not started");
        }
        try {
            if (!acquireOwnership()) {
                return 0;
            }
            List<Row> rows = readBatch(readPosition());
            return rows.isEmpty() ? 0 : complete(send(rows));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay round failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeProducer(Duration.ZERO);
            throw e;
        } finally {
            releaseOwnership();
        }
    }

    private boolean acquireOwnership() throws SQLException {
        if (owner != null) {
            return true;
        }
        Connection c = dataSource.getConnection();
        boolean keep = false;
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, OWNER_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    keep = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            if (!keep) {
                c.close();
            }
        }
        if (keep) {
            owner = c;
            owning = true;
        }
        return keep;
    }

    private void releaseOwnership() {
        owning = false;
        Connection c = owner;
        owner = null;
        if (c != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, OWNER_LOCK);
                ps.execute();
            } catch (SQLException e) {
                // the connection is gone, and the session lock with it
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }

    private Position readPosition() throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement(
                "SELECT last_tx_id::text, last_id FROM outbox_relay_position WHERE relay = 'default'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("outbox_relay_position has no 'default' row");
            }
            return new Position(rs.getString(1), rs.getLong(2));
        }
    }

    private List<Row> readBatch(Position from) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT o.id, o.tx_id::text, o.topic, o.message_key, o.event_id::text, o.event_type, o.envelope,
                       o.traceparent, EXISTS (SELECT 1 FROM outbox h WHERE (h.tx_id, h.id) > (?::xid8, ?)
                               AND h.tx_id >= pg_snapshot_xmin(pg_current_snapshot()))
                FROM outbox o
                WHERE (o.tx_id, o.id) > (?::xid8, ?) AND o.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY o.tx_id, o.id LIMIT ?""")) {
            ps.setString(1, from.txId());
            ps.setLong(2, from.id());
            ps.setString(3, from.txId());
            ps.setLong(4, from.id());
            ps.setInt(5, batchSize);
            boolean held = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                    held = rs.getBoolean(9);
                }
            }
            if (rows.isEmpty()) {
                held = heldBehind(from);
            }
            heldBack = rows.size() < batchSize && held;
        }
        return rows;
    }

    private boolean heldBehind(Position from) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("SELECT EXISTS (SELECT 1 FROM outbox o "
                + "WHERE (o.tx_id, o.id) > (?::xid8, ?) AND o.tx_id >= pg_snapshot_xmin(pg_current_snapshot()))")) {
            ps.setString(1, from.txId());
            ps.setLong(2, from.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
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

    private InFlight send(List<Row> rows) {
        Producer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!knownTopic.test(row.topic())) {
                acks.add(java.util.concurrent.CompletableFuture.failedFuture(
                        new InvalidTopicException("topic " + row.topic() + " is not one this service publishes to")));
                continue;
            }
            List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(3);
            headers.add(new RecordHeader("event-id", row.eventId().getBytes(StandardCharsets.UTF_8)));
            headers.add(new RecordHeader("event-type", row.type().getBytes(StandardCharsets.UTF_8)));
            if (row.traceparent() != null) {
                // The cause's trace, continued by the consumer (platform.tracing).
                headers.add(new RecordHeader(Traces.HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8)));
            }
            var record = new ProducerRecord<>(row.topic(), null, row.key(), row.envelope(), headers);
            acks.add(p.send(record));
        }
        p.flush();
        return new InFlight(rows, acks);
    }

    /**
     * Waits for every acknowledgement of the batch; parks the rows Kafka refused for their content;
     * then writes the position. Any other failure leaves the position and is thrown: the batch is
     * re-sent by the next round (with a fresh producer: new producer id and sequence numbers, so a
     * producer stuck retrying cannot block the relay).
     */
    private int complete(InFlight batch) throws SQLException {
        List<Row> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            try {
                batch.acks().get(i).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (refusedForContent(cause)) {
                    refused.add(batch.rows().get(i));
                    reasons.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                } else {
                    throw new IllegalStateException("Kafka did not acknowledge an outbox record; the batch will be "
                            + "re-sent", cause);
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox record in time; the batch will be "
                        + "re-sent", e);
            }
        }
        afterSend.afterSend(batch.rows().size());
        if (!refused.isEmpty()) {
            park(refused, reasons);
        }
        Row last = batch.rows().get(batch.rows().size() - 1);
        try (PreparedStatement ps = owner.prepareStatement("UPDATE outbox_relay_position SET last_tx_id = ?::xid8, "
                + "last_id = ?, updated_at = now() WHERE relay = 'default'")) {
            ps.setString(1, last.txId());
            ps.setLong(2, last.id());
            ps.executeUpdate();
        }
        int sent = batch.rows().size() - refused.size();
        published.addAndGet(sent);
        lastPublishAt = clock.instant();
        return batch.rows().size();
    }

    private static boolean refusedForContent(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException
                || cause instanceof org.apache.kafka.common.errors.SerializationException;
    }

    private void park(List<Row> rows, List<String> reasons) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("""
                INSERT INTO outbox_parked (outbox_id, tx_id, topic, message_key, event_id, event_type, envelope, error,
                                           traceparent)
                VALUES (?, ?::xid8, ?, ?, ?::uuid, ?, ?, ?, ?)""")) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ps.setLong(1, r.id());
                ps.setString(2, r.txId());
                ps.setString(3, r.topic());
                ps.setString(4, r.key());
                ps.setString(5, r.eventId());
                ps.setString(6, r.type());
                ps.setString(7, r.envelope());
                ps.setString(8, reasons.get(i));
                ps.setString(9, r.traceparent());
                ps.addBatch();
                log.error("outbox row {} ({} to {}) parked, Kafka refused it: {}", r.id(), r.type(), r.topic(),
                        reasons.get(i));
            }
            ps.executeBatch();
        }
        parked.addAndGet(rows.size());
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

    /** Outbox records published by this instance since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** Outbox rows this instance parked since it started. */
    public long parkedCount() {
        return parked.get();
    }

    /** When this instance last published, or null. */
    public Instant lastPublishAt() {
        return lastPublishAt;
    }
}
