package com.brandclosure.platform.ops;

import com.brandclosure.platform.web.Paging;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records every dead-lettered record in the service's {@code dead_letters} table before it is
 * published to {@code <topic>.DLT}, so operators can list them and replay one after a fix.
 * Replaying re-sends the original value with its key to the original topic; consumers that
 * already processed it drop it by event id.
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcTemplate jdbc;
    private final String consumer;
    private final ConsumerRecordRecoverer publisher;
    private final KafkaOperations<Object, Object> kafka;

    public DeadLetters(JdbcTemplate jdbc, String consumer, ConsumerRecordRecoverer publisher,
                       KafkaOperations<Object, Object> kafka) {
        this.jdbc = jdbc;
        this.consumer = consumer;
        this.publisher = publisher;
        this.kafka = kafka;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        try {
            jdbc.update("""
                    INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, record_value, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", consumer, record.topic(), record.partition(), record.offset(),
                    record.key() == null ? null : record.key().toString(),
                    record.value() == null ? null : record.value().toString(), String.valueOf(cause.getMessage()));
        } catch (RuntimeException e) {
            // The DLT publish below still keeps the record; the table is the convenience view.
            log.error("could not record dead letter {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
        log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), cause.toString());
        publisher.accept(record, exception);
    }

    /**
     * Records {@code record} as a dead letter of {@code consumerName} (in the caller's transaction, so
     * it is durable exactly when the caller's effect would have been) and publishes it to
     * {@code <topic>.DLT}, waiting for the broker. Returns the dead letter's id. Throws if either fails:
     * the caller retries rather than losing the record.
     */
    public long deadLetter(String consumerName, ConsumerRecord<?, ?> record, Throwable cause) {
        Long id = jdbc.queryForObject("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, record_value, error)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, consumerName, record.topic(),
                record.partition(), record.offset(), record.key() == null ? null : record.key().toString(),
                record.value() == null ? null : record.value().toString(),
                cause.getClass().getSimpleName() + ": " + cause.getMessage());
        log.warn("dead-lettering {}-{}@{} for {}: {}", record.topic(), record.partition(), record.offset(),
                consumerName, cause.toString());
        Exception exception = cause instanceof Exception e ? e : new RuntimeException(cause);
        publisher.accept(record, exception);
        return id == null ? -1 : id;
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM dead_letters", Long.class);
        return n == null ? 0 : n;
    }

    public long countNotReplayed() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    /** A dead letter as shown to operators. */
    public record Entry(long id, String consumer, String topic, int partition, long offset, String key, String value,
                        String error, Instant recordedAt, Instant replayedAt) {
    }

    /** One page of the dead letters, newest first (by id), {@link Paging.Request#fetch()} at most. */
    public List<Entry> latest(Paging.Request page) {
        if (page.fromStart()) {
            return jdbc.query("SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?", (rs, i) -> entry(rs),
                    page.fetch());
        }
        return jdbc.query("SELECT * FROM dead_letters WHERE id < ? ORDER BY id DESC LIMIT ?", (rs, i) -> entry(rs),
                page.afterNumber(0), page.fetch());
    }

    /** The paging cursor of {@code entry}: its place in {@link #latest}'s order. */
    public static String cursorOf(Entry entry) {
        return Paging.cursor(Long.toString(entry.id()));
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM dead_letters WHERE id = ?", (rs, i) -> entry(rs), id).stream().findFirst();
    }

    /** Re-sends the record to its original topic and marks it replayed. */
    public Map<String, Object> replay(long id) {
        Entry entry = find(id).orElseThrow(() -> new IllegalArgumentException("no dead letter " + id));
        try {
            kafka.send(entry.topic(), entry.key(), entry.value()).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not re-send dead letter " + id + " to " + entry.topic(), e);
        }
        jdbc.update("UPDATE dead_letters SET replayed_at = now() WHERE id = ?", id);
        return Map.of("replayed", id, "topic", entry.topic());
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        var replayed = rs.getTimestamp("replayed_at");
        return new Entry(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"), rs.getInt("partition_no"),
                rs.getLong("record_offset"), rs.getString("record_key"), rs.getString("record_value"),
                rs.getString("error"), rs.getTimestamp("recorded_at").toInstant(),
                replayed == null ? null : replayed.toInstant());
    }
}
