package com.brandclosure.platform.eventstore;

import com.brandclosure.platform.json.JsonCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Append-only event streams in PostgreSQL with optimistic concurrency: an append names the
 * version the caller loaded; if the stream moved on, {@link ConcurrencyConflictException}.
 * {@code UNIQUE(stream_id, version)} is the final arbiter, so two appenders at the same
 * version can never both win, and versions have no gaps.
 * <p>
 * An append joins the caller's transaction (or opens one), so events, the outbox rows and
 * any other state change of one command commit together.
 */
public class EventStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventTypeRegistry types;
    private final JsonCodec json;
    private final int snapshotEvery;

    public EventStore(JdbcTemplate jdbc, TransactionTemplate tx, EventTypeRegistry types, JsonCodec json,
                      int snapshotEvery) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.types = types;
        this.json = json;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * Appends {@code events} to the stream if it is still at {@code expectedVersion} (0 for a
     * new stream). Returns the stream's new version.
     */
    public long append(String streamId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return expectedVersion;
        }
        return tx.execute(status -> {
            Long current = jdbc.queryForObject(
                    "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?", Long.class, streamId);
            if (current == null || current != expectedVersion) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            List<Object[]> rows = new ArrayList<>(events.size());
            long version = expectedVersion;
            for (NewEvent e : events) {
                version++;
                EventMetadata m = e.metadata();
                Class<?> type = e.event().getClass();
                rows.add(new Object[]{streamId, version, m.eventId(), types.nameOf(type), types.currentVersionOf(type),
                        json.write(e.event()), m.actor(), m.correlationId(), m.causationId(),
                        Timestamp.from(m.occurredAt())});
            }
            try {
                jdbc.batchUpdate("""
                        INSERT INTO events (stream_id, version, event_id, event_type, schema_version, payload,
                                            actor, correlation_id, causation_id, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", rows);
            } catch (DuplicateKeyException e) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            return version;
        });
    }

    /** Every event of the stream, upcast to the current shapes, in version order. */
    public <E> List<RecordedEvent<E>> load(String streamId) {
        return load(streamId, 0);
    }

    /** The events after {@code afterVersion}. */
    @SuppressWarnings("unchecked")
    public <E> List<RecordedEvent<E>> load(String streamId, long afterVersion) {
        return jdbc.query("""
                SELECT version, global_position, event_id, event_type, schema_version, payload::text, actor,
                       correlation_id, causation_id, occurred_at
                FROM events WHERE stream_id = ? AND version > ? ORDER BY version""", (rs, i) -> {
            long version = rs.getLong(1);
            String type = rs.getString(4);
            int schemaVersion = rs.getInt(5);
            Object event = types.read(json, type, schemaVersion, rs.getString(6), streamId, version);
            var metadata = new EventMetadata(rs.getObject(3, java.util.UUID.class), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getTimestamp(10).toInstant());
            return new RecordedEvent<>(streamId, version, rs.getLong(2), type, schemaVersion, (E) event, metadata);
        }, streamId, afterVersion);
    }

    /** The stream's current version (0 if it has no event). */
    public long version(String streamId) {
        Long v = jdbc.queryForObject("SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?", Long.class,
                streamId);
        return v == null ? 0 : v;
    }

    /**
     * Folds the stream into a state: from the latest snapshot if there is one, then the events
     * after it. {@code stateType} must be registered (as a logical name) for snapshots to be read.
     */
    public <S, E> Loaded<S> loadState(String streamId, S initial, BiFunction<S, E, S> evolve) {
        S state = initial;
        long version = 0;
        Optional<Snapshot> snapshot = loadSnapshot(streamId);
        if (snapshot.isPresent()) {
            @SuppressWarnings("unchecked")
            S fromSnapshot = (S) snapshot.get().state();
            state = fromSnapshot;
            version = snapshot.get().version();
        }
        for (RecordedEvent<E> e : this.<E>load(streamId, version)) {
            state = evolve.apply(state, e.event());
            version = e.version();
        }
        return new Loaded<>(state, version);
    }

    /** A state folded from its stream and the version it reflects. */
    public record Loaded<S>(S state, long version) {
        public boolean isNew() {
            return version == 0;
        }
    }

    /** A saved state of a stream at a version, so long streams load fast. */
    public record Snapshot(long version, Object state) {
    }

    public Optional<Snapshot> loadSnapshot(String streamId) {
        return jdbc.query("SELECT version, state_type, state::text FROM snapshots WHERE stream_id = ?", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            long version = rs.getLong(1);
            Object state = types.read(json, rs.getString(2), 1, rs.getString(3), streamId, version);
            return Optional.of(new Snapshot(version, state));
        }, streamId);
    }

    /**
     * Saves a snapshot when the append that led from {@code previousVersion} to
     * {@code newVersion} crossed a multiple of the configured interval. The state's class must be
     * registered in an {@link EventTypes} bean.
     */
    public void snapshotIfDue(String streamId, long previousVersion, long newVersion, Object state) {
        if (snapshotEvery <= 0 || newVersion / snapshotEvery == previousVersion / snapshotEvery) {
            return;
        }
        jdbc.update("""
                INSERT INTO snapshots (stream_id, version, state_type, state) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state_type = excluded.state_type,
                    state = excluded.state, taken_at = now()
                WHERE snapshots.version < excluded.version""",
                streamId, newVersion, types.nameOf(state.getClass()), json.write(state));
    }
}
