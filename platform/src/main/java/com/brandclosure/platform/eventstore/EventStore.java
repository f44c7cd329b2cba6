package com.brandclosure.platform.eventstore;

import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.jdbc.ArrayRows;
import com.brandclosure.platform.json.JsonCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private final PersonalData personal;
    /** Read-only transactions for reads outside a unit of work ({@link #reading}). */
    private final TransactionTemplate readTx;

    /** A store that writes every field in clear (platform tests and benchmarks that measure the difference). */
    public EventStore(JdbcTemplate jdbc, TransactionTemplate tx, EventTypeRegistry types, JsonCodec json,
                      int snapshotEvery) {
        this(jdbc, tx, types, json, snapshotEvery, null);
    }

    /**
     * @param personal seals the {@link com.brandclosure.platform.kernel.Personal} fields and the actor of
     *                 every event and snapshot with the account's data key, and opens them on read
     */
    public EventStore(JdbcTemplate jdbc, TransactionTemplate tx, EventTypeRegistry types, JsonCodec json,
                      int snapshotEvery, PersonalData personal) {
        this.jdbc = jdbc;
        this.tx = tx;
        if (tx != null && tx.getTransactionManager() != null) {
            this.readTx = new TransactionTemplate(tx.getTransactionManager());
            this.readTx.setReadOnly(true);
        } else {
            this.readTx = null;
        }
        this.types = types;
        this.json = json;
        this.snapshotEvery = snapshotEvery;
        this.personal = personal;
    }

    /**
     * A read outside any transaction (a GET) holds one connection while it maps the rows, and opening sealed
     * personal data looks the account's data key up: without a transaction that lookup takes a second
     * connection from the pool while the first is held, and as many concurrent reads as the pool has
     * connections starve it (each holding one, all waiting for another) until the pool's timeout. In a
     * read-only transaction the lookup runs on the read's own connection (and once per account).
     */
    private <T> T reading(java.util.function.Supplier<T> read) {
        if (personal == null || readTx == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return read.get();
        }
        return readTx.execute(status -> read.get());
    }

    /** Stored JSON of a type, with its personal data opened (markers where the key is gone). */
    private Object readStored(String type, int schemaVersion, String payload, String streamId, long version) {
        if (personal != null && PersonalData.mayBeSealed(payload)) {
            return types.read(json, type, schemaVersion, personal.open(json.parse(payload)), streamId, version);
        }
        return types.read(json, type, schemaVersion, payload, streamId, version);
    }

    private String storedJson(String accountId, Object value) {
        return personal == null ? json.write(value) : personal.write(accountId, value);
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
     */
    public long append(String streamId, String accountId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return expectedVersion;
        }
        List<StreamAppend> one = List.of(new StreamAppend(streamId, accountId, expectedVersion, events));
        if (personal == null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // No caller's transaction to join: the append is ONE statement, atomic by itself, so it runs in
            // autocommit (one round trip instead of BEGIN/INSERT + COMMIT). It inserts every row or none:
            // a duplicate (stream, version) fails the statement, and the version guard compares every row of
            // the one stream with the same snapshot. (Sealing personal data may create the account's data key
            // first, which belongs in the same transaction, hence the transaction for such a store.)
            appendAll(one);
        } else {
            tx.executeWithoutResult(status -> appendAll(one));
        }
        return expectedVersion + events.size();
    }

    /** The events to append to one stream that was loaded at {@code expectedVersion}, and the account they belong to. */
    public record StreamAppend(String streamId, String accountId, long expectedVersion, List<NewEvent> events) {
        public StreamAppend {
            java.util.Objects.requireNonNull(streamId, "streamId");
            events = List.copyOf(events);
        }
    }

    /**
     * Appends to many streams in one statement. Must run inside the caller's transaction (a single stream
     * may also be appended in autocommit, see {@link #append(String, String, long, List)}).
     * <p>
     * How the versions are guarded: a stream that moved past the version its writer loaded already
     * holds {@code expectedVersion + 1}, so inserting that row violates {@code UNIQUE(stream_id,
     * version)} (the constraint decides every race). A writer that names a version the stream has not
     * reached would leave a gap: when some stream is appended at {@code expectedVersion > 0}, each row is
     * inserted only if its stream holds {@code expectedVersion} (one index probe, no {@code max(version)}
     * scan), and a short count means a conflict. New streams need no probe at all. Either way the caller's
     * transaction is rolled back and the command runner retries the whole unit of work.
     * <p>
     * The statement: up to {@value #VALUES_ROWS} rows as a multi-row {@code VALUES} (cheapest to bind and
     * plan for the usual command of a few events); beyond, the rows travel as column arrays that
     * PostgreSQL unnests (bulk commands of thousands of events stay one statement under the protocol's
     * parameter limit).
     */
    public void appendAll(List<StreamAppend> appends) {
        int n = 0;
        boolean guarded = false;
        for (StreamAppend a : appends) {
            n += a.events().size();
            guarded |= a.expectedVersion() != 0 && !a.events().isEmpty();
        }
        if (n == 0) {
            return;
        }
        Object[][] rows = new Object[n][];
        int r = 0;
        for (StreamAppend a : appends) {
            long version = a.expectedVersion();
            String account = a.accountId() != null ? a.accountId() : accountOf(a.events());
            for (NewEvent e : a.events()) {
                EventMetadata m = e.metadata();
                Class<?> type = e.event().getClass();
                rows[r++] = new Object[]{a.streamId(), ++version, account, m.eventId(), types.nameOf(type),
                        types.currentVersionOf(type), storedJson(account, e.event()),
                        personal == null ? m.actor() : personal.sealActor(account, m.actor()),
                        m.correlationId(), m.causationId(), java.sql.Timestamp.from(m.occurredAt()),
                        a.expectedVersion()};
            }
        }
        int inserted;
        try {
            inserted = n <= VALUES_ROWS ? insertValues(rows, guarded) : insertArrays(rows);
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("events_event_id")) {
                throw new IllegalStateException("an event id was appended twice (a command reused its metadata)", e);
            }
            throw conflict(appends);
        }
        if (inserted != n) {
            throw conflict(appends);
        }
    }

    private static ConcurrencyConflictException conflict(List<StreamAppend> appends) {
        StreamAppend first = appends.get(0);
        return new ConcurrencyConflictException(appends.size() == 1 ? first.streamId()
                : first.streamId() + " (or another of " + appends.size() + " streams)", first.expectedVersion());
    }

    private static final int VALUES_ROWS = 32;
    private static final int COLUMNS = 11;
    private static final String INSERT_INTO = """
            INSERT INTO events (stream_id, version, account_id, event_id, event_type, schema_version, payload, actor,
                                correlation_id, causation_id, occurred_at)
            """;
    /** By row count: the statement for new streams only, and the guarded one (see appendAll). */
    private static final String[] NEW_STREAMS = new String[VALUES_ROWS + 1];
    private static final String[] GUARDED = new String[VALUES_ROWS + 1];

    static {
        for (int n = 1; n <= VALUES_ROWS; n++) {
            NEW_STREAMS[n] = INSERT_INTO + "VALUES " + String.join(", ",
                    java.util.Collections.nCopies(n, "(?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?)"));
            GUARDED[n] = INSERT_INTO + "SELECT s, v, acc, e, t, sv, p::json, a, co, ca, o FROM (VALUES "
                    + String.join(", ", java.util.Collections.nCopies(n, "(?::text, ?::int8, ?::text, ?::uuid, ?::text,"
                    + " ?::int4, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::int8)"))
                    + ") AS u(s, v, acc, e, t, sv, p, a, co, ca, o, x)"
                    + " WHERE u.x = 0 OR EXISTS (SELECT 1 FROM events held WHERE held.stream_id = u.s AND held.version = u.x)";
        }
    }

    private int insertValues(Object[][] rows, boolean guarded) {
        String sql = guarded ? GUARDED[rows.length] : NEW_STREAMS[rows.length];
        int width = guarded ? COLUMNS + 1 : COLUMNS;
        return jdbc.update(c -> {
            var ps = c.prepareStatement(sql);
            int p = 1;
            for (Object[] row : rows) {
                for (int col = 0; col < width; col++) {
                    Object value = row[col];
                    if (value == null) {
                        ps.setNull(p++, java.sql.Types.VARCHAR);
                    } else {
                        ps.setObject(p++, value);
                    }
                }
            }
            return ps;
        });
    }

    private int insertArrays(Object[][] rows) {
        ArrayRows arrays = ArrayRows.of("text", "int8", "text", "uuid", "text", "int4", "text", "text", "text", "text",
                "timestamptz", "int8");
        for (Object[] row : rows) {
            arrays.add(row);
        }
        return arrays.update(jdbc, APPEND_ALL);
    }

    private static final String APPEND_ALL = """
            INSERT INTO events (stream_id, version, account_id, event_id, event_type, schema_version, payload, actor,
                                correlation_id, causation_id, occurred_at)
            SELECT s, v, acc, e, t, sv, p::json, a, co, ca, o
            FROM unnest(?::text[], ?::int8[], ?::text[], ?::uuid[], ?::text[], ?::int4[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::timestamptz[], ?::int8[]) AS u(s, v, acc, e, t, sv, p, a, co, ca, o, x)
            WHERE u.x = 0 OR EXISTS (SELECT 1 FROM events held WHERE held.stream_id = u.s AND held.version = u.x)""";

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
    public <E> List<RecordedEvent<E>> load(String streamId, long afterVersion) {
        return reading(() -> this.<E>loadRows(streamId, afterVersion));
    }

    @SuppressWarnings("unchecked")
    private <E> List<RecordedEvent<E>> loadRows(String streamId, long afterVersion) {
        return jdbc.query("""
                SELECT version, global_position, event_id, event_type, schema_version, payload::text, actor,
                       correlation_id, causation_id, occurred_at
                FROM events WHERE stream_id = ? AND version > ? ORDER BY version""", (rs, i) -> {
            long version = rs.getLong(1);
            String type = rs.getString(4);
            int schemaVersion = rs.getInt(5);
            Object event = readStored(type, schemaVersion, rs.getString(6), streamId, version);
            String actor = personal == null ? rs.getString(7) : personal.openText(rs.getString(7));
            var metadata = new EventMetadata(rs.getObject(3, java.util.UUID.class), actor, rs.getString(8),
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
        return reading(() -> fold(streamId, initial, evolve));
    }

    private <S, E> Loaded<S> fold(String streamId, S initial, BiFunction<S, E, S> evolve) {
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

    /**
     * Folds many streams at once: their snapshots in one query, the events after each snapshot in
     * another, whatever the number of streams. A stream with no event folds to {@code initial}'s
     * state at version 0. The result keeps the order of {@code streamIds}.
     */
    public <S, E> java.util.Map<String, Loaded<S>> loadMany(java.util.Collection<String> streamIds,
                                                          java.util.function.Function<String, S> initial,
                                                          BiFunction<S, E, S> evolve) {
        return loadMany(streamIds, id -> com.brandclosure.platform.kernel.Decider.<Object, S, E>of(initial.apply(id),
                (c, st) -> List.of(), evolve));
    }

    /** As above, each stream folded with the decider {@code deciders} gives for its id. */
    public <S, E> java.util.Map<String, Loaded<S>> loadMany(
            java.util.Collection<String> streamIds,
            java.util.function.Function<String, ? extends com.brandclosure.platform.kernel.Decider<?, S, E>> deciders) {
        return reading(() -> foldMany(streamIds, deciders));
    }

    @SuppressWarnings("unchecked")
    private <S, E> java.util.Map<String, Loaded<S>> foldMany(
            java.util.Collection<String> streamIds,
            java.util.function.Function<String, ? extends com.brandclosure.platform.kernel.Decider<?, S, E>> deciders) {
        java.util.Map<String, Loaded<S>> result = new java.util.LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return result;
        }
        String[] ids = new java.util.LinkedHashSet<>(streamIds).toArray(String[]::new);
        java.util.Map<String, S> states = new java.util.HashMap<>();
        java.util.Map<String, Long> versions = new java.util.HashMap<>();
        java.util.Map<String, com.brandclosure.platform.kernel.Decider<?, S, E>> deciderOf = new java.util.HashMap<>();
        jdbc.query(c -> {
            var ps = c.prepareStatement("SELECT stream_id, version, state_type, state::text FROM snapshots "
                    + "WHERE stream_id = ANY(?)");
            ps.setArray(1, c.createArrayOf("text", ids));
            return ps;
        }, rs -> {
            String stream = rs.getString(1);
            long version = rs.getLong(2);
            states.put(stream, (S) readStored(rs.getString(3), 1, rs.getString(4), stream, version));
            versions.put(stream, version);
        });
        jdbc.query(c -> {
            var ps = c.prepareStatement("""
                    SELECT e.stream_id, e.version, e.event_type, e.schema_version, e.payload::text
                    FROM events e LEFT JOIN snapshots s ON s.stream_id = e.stream_id
                    WHERE e.stream_id = ANY(?) AND e.version > coalesce(s.version, 0)
                    ORDER BY e.stream_id, e.version""");
            ps.setArray(1, c.createArrayOf("text", ids));
            return ps;
        }, rs -> {
            String stream = rs.getString(1);
            long version = rs.getLong(2);
            E event = (E) readStored(rs.getString(3), rs.getInt(4), rs.getString(5), stream, version);
            var decider = deciderOf.computeIfAbsent(stream, deciders);
            S state = states.containsKey(stream) ? states.get(stream) : decider.initialState();
            states.put(stream, decider.evolve(state, event));
            versions.put(stream, version);
        });
        for (String id : ids) {
            S state = states.containsKey(id) ? states.get(id) : deciderOf.computeIfAbsent(id, deciders).initialState();
            result.put(id, new Loaded<>(state, versions.getOrDefault(id, 0L)));
        }
        return result;
    }

    /** True if snapshots of {@code state}'s class can be written (its type is registered under a logical name). */
    public boolean canSnapshot(Object state) {
        return state != null && types.isRegistered(state.getClass());
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
        return reading(() -> snapshotRow(streamId));
    }

    private Optional<Snapshot> snapshotRow(String streamId) {
        return jdbc.query("SELECT version, state_type, state::text FROM snapshots WHERE stream_id = ?", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            long version = rs.getLong(1);
            Object state = readStored(rs.getString(2), 1, rs.getString(3), streamId, version);
            return Optional.of(new Snapshot(version, state));
        }, streamId);
    }

    /**
     * Saves a snapshot when the append that led from {@code previousVersion} to
     * {@code newVersion} crossed a multiple of the configured interval. The state's class must be
     * registered in an {@link EventTypes} bean.
     */
    public void snapshotIfDue(String streamId, long previousVersion, long newVersion, Object state) {
        snapshotIfDue(streamId, null, previousVersion, newVersion, state);
    }

    /** As above; the personal data of the state is sealed with {@code accountId}'s key. */
    public void snapshotIfDue(String streamId, String accountId, long previousVersion, long newVersion, Object state) {
        if (snapshotEvery <= 0 || newVersion / snapshotEvery == previousVersion / snapshotEvery) {
            return;
        }
        jdbc.update("""
                INSERT INTO snapshots (stream_id, version, state_type, state) VALUES (?, ?, ?, ?::json)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state_type = excluded.state_type,
                    state = excluded.state, taken_at = now()
                WHERE snapshots.version < excluded.version""",
                streamId, newVersion, types.nameOf(state.getClass()), storedJson(accountId, state));
    }
}
