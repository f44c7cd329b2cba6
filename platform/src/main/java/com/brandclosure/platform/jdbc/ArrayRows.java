package com.brandclosure.platform.jdbc;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Many rows written by ONE statement that takes each column as a PostgreSQL array
 * ({@code ... FROM unnest(?::text[], ?::int8[], ...)}): much faster than a JDBC batch for bulk
 * commands. The one home of that binding for the event store, the outbox and the read models: declare
 * the columns' SQL types in parameter order, add the rows, run the statement.
 * <pre>{@code
 * ArrayRows rows = ArrayRows.of("text", "uuid", "timestamptz");
 * rows.add(topic, eventId, occurredAt);          // an Instant is bound as a timestamp
 * int inserted = rows.update(jdbc, INSERT);
 * }</pre>
 */
public final class ArrayRows {

    /** The Java element type each SQL array type is bound with. */
    private static final Map<String, Class<?>> ELEMENTS = Map.of(
            "text", String.class,
            "uuid", UUID.class,
            "int4", Integer.class,
            "int", Integer.class,
            "int8", Long.class,
            "bigint", Long.class,
            "timestamptz", Timestamp.class);

    private final String[] types;
    private final List<Object[]> rows = new ArrayList<>();

    private ArrayRows(String[] types) {
        for (String type : types) {
            if (!ELEMENTS.containsKey(type)) {
                throw new IllegalArgumentException("no array binding for SQL type " + type + "; one of " + ELEMENTS.keySet());
            }
        }
        this.types = types.clone();
    }

    /** The statement's array parameters, in order, by SQL element type ({@code text}, {@code int8}, ...). */
    public static ArrayRows of(String... sqlTypes) {
        return new ArrayRows(sqlTypes);
    }

    /** One row: a value per column, in the order of {@link #of}; nulls allowed. */
    public ArrayRows add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("a row has " + types.length + " values, got " + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Runs {@code sql} with the columns bound as parameters 1..n; the update count. */
    public int update(JdbcTemplate jdbc, String sql) {
        Integer updated = jdbc.execute((ConnectionCallback<Integer>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps);
                return ps.executeUpdate();
            }
        });
        return updated == null ? 0 : updated;
    }

    private void bind(Connection c, PreparedStatement ps) throws SQLException {
        for (int col = 0; col < types.length; col++) {
            Object column = Array.newInstance(ELEMENTS.get(types[col]), rows.size());
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row)[col];
                Array.set(column, row, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            ps.setArray(col + 1, c.createArrayOf(types[col], (Object[]) column));
        }
    }
}
