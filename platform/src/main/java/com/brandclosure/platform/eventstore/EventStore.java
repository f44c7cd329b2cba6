package com.brandclosure.platform.eventstore;

import com.brandclosure.platform.json.JsonCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
     * new stream). Returns the stream's new version. The account id is taken from the events'
     * {@code accountId()} component where they have one; use the overload that names it otherwise.
     */
    public long append(String streamId, long expectedVersion, List<NewEvent> events) {
        String accountId = accountOf(events);
        if (accountId == null && !events.isEmpty() && WARNED.add(events.get(0).event().getClass())) {
            log.warn("events of stream {} ({}) name no accountId: they are missing from the account's audit trail;"
                    + " use append(streamId, accountId, expectedVersion, events)", streamId,
                    events.get(0).event().getClass().getSimpleName());
        }
        return append(streamId, accountId, expectedVersion, events);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventStore.class);
    private static final java.util.Set<Class<?>> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Appends as above and records {@code accountId} with each event (the account's audit trail).
     * One statement: the version guard and the insert travel together, and
     * {@code UNIQUE(stream_id, version)} settles a race the guard's snapshot could not see.
     */
    public long append(String streamId, String accountId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return expectedVersion;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] typeNames = new String[n];
        Integer[] versions = new Integer[n];
        String[] payloads = new String[n];
        String[] actors = new String[n];
        String[] correlations = new String[n];
        String[] causations = new String[n];
        String[] occurred = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            EventMetadata m = e.metadata();
            Class<?> type = e.event().getClass();
            ids[i] = m.eventId();
            typeNames[i] = types.nameOf(type);
            versions[i] = types.currentVersionOf(type);
            payloads[i] = json.write(e.event());
            actors[i] = m.actor();
            correlations[i] = m.correlationId();
            causations[i] = m.causationId();
            occurred[i] = m.occurredAt().toString();
        }
        Integer inserted = tx.execute(status -> {
            try {
                return jdbc.execute((ConnectionCallback<Integer>) c -> {
                    try (var ps = c.prepareStatement(APPEND)) {
                        ps.setString(1, streamId);
                        ps.setLong(2, expectedVersion);
                        ps.setString(3, accountId);
                        ps.setArray(4, c.createArrayOf("uuid", ids));
                        ps.setArray(5, c.createArrayOf("text", typeNames));
                        ps.setArray(6, c.createArrayOf("int4", versions));
                        ps.setArray(7, c.createArrayOf("text", payloads));
                        ps.setArray(8, c.createArrayOf("text", actors));
                        ps.setArray(9, c.createArrayOf("text", correlations));
                        ps.setArray(10, c.createArrayOf("text", causations));
                        ps.setArray(11, c.createArrayOf("text", occurred));
                        ps.setString(12, streamId);
                        ps.setLong(13, expectedVersion);
                        return ps.executeUpdate();
                    }
                });
            } catch (DuplicateKeyException e) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
        });
        if (inserted == null || inserted != n) {
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        }
        return expectedVersion + n;
    }

    private static final String APPEND = """
            INSERT INTO events (stream_id, version, account_id, event_id, event_type, schema_version, payload, actor,
                                correlation_id, causation_id, occurred_at)
            SELECT ?, ? + e.ord, ?, e.event_id, e.event_type, e.schema_version, e.payload::jsonb, e.actor,
                   e.correlation_id, e.causation_id, e.occurred_at::timestamptz
            FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS e(event_id, event_type, schema_version, payload, actor, correlation_id,
                                      causation_id, occurred_at, ord)
            WHERE (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?) = ?""";

    private static final java.util.Map<Class<?>, java.lang.reflect.Method> ACCOUNT_ACCESSORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The value of the events' {@code accountId} record component, if they have one. */
    private static String accountOf(List<NewEvent> events) {
        for (NewEvent e : events) {
            Class<?> type = e.event().getClass();
            java.lang.reflect.Method accessor = ACCOUNT_ACCESSORS.computeIfAbsent(type, EventStore::accountAccessor);
            if (accessor != NO_ACCESSOR) {
                try {
                    Object value = accessor.invoke(e.event());
                    if (value != null) {
                        return value.toString();
                    }
                } catch (ReflectiveOperationException ignored) {
                    // no account id on this event; try the next
                }
            }
        }
        return null;
    }

    private static final java.lang.reflect.Method NO_ACCESSOR;

    static {
        try {
            NO_ACCESSOR = Object.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static java.lang.reflect.Method accountAccessor(Class<?> type) {
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                if (component.getName().equals("accountId")) {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor;
                }
            }
        }
        return NO_ACCESSOR;
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
