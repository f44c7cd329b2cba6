package com.brandclosure.contracts.persistence;

import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventTypeRegistry;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.json.JsonCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Many contract streams at once: one query to load them, one batch to append to them. See package-info. */
@Component
public class ContractStreams {

    private final JdbcTemplate jdbc;
    private final EventTypeRegistry types;
    private final JsonCodec json;

    public ContractStreams(JdbcTemplate jdbc, EventTypeRegistry types, JsonCodec json) {
        this.jdbc = jdbc;
        this.types = types;
        this.json = json;
    }

    public static String streamId(String contractId) {
        return "contract-" + contractId;
    }

    /** A contract folded from its stream, and the version it reflects. */
    public record LoadedContract(String streamId, ContractState state, long version) {
    }

    /** The events to append to one stream that was loaded at {@code expectedVersion}. */
    public record StreamAppend(String streamId, long expectedVersion, List<NewEvent> events) {
    }

    /** Contracts of the account that are not expired or still have pending switches; optionally of some partners only. */
    public List<LoadedContract> loadOpen(String accountId, List<String> partnerIds) {
        String partnerFilter = partnerIds == null ? "" : " AND c.partner_id = ANY(?)";
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (partnerIds != null) {
            args.add(partnerIds.toArray(String[]::new));
        }
        return load("c.account_id = ? AND (c.status <> 'EXPIRED' OR c.pending_switches > 0)" + partnerFilter,
                args.toArray());
    }

    /** Contracts of the account whose scheduled expiry is due at {@code now}. */
    public List<LoadedContract> loadDueExpiries(String accountId, Instant now) {
        return load("c.account_id = ? AND c.status = 'EXPIRING' AND c.expires_at <= ?", accountId, Timestamp.from(now));
    }

    private List<LoadedContract> load(String where, Object... args) {
        Map<String, List<ContractEvent>> byStream = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.query("""
                SELECT e.stream_id, e.version, e.event_type, e.schema_version, e.payload::text
                FROM contract_view c JOIN events e ON e.stream_id = c.stream_id
                WHERE %s ORDER BY e.stream_id, e.version""".formatted(where), rs -> {
            String stream = rs.getString(1);
            long version = rs.getLong(2);
            Object event = types.read(json, rs.getString(3), rs.getInt(4), rs.getString(5), stream, version);
            byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add((ContractEvent) event);
            versions.put(stream, version);
        }, args);
        List<LoadedContract> loaded = new ArrayList<>(byStream.size());
        byStream.forEach((stream, events) ->
                loaded.add(new LoadedContract(stream, PartnerContract.fold(events), versions.get(stream))));
        return loaded;
    }

    /**
     * Appends to every stream in one statement: the rows travel as column arrays and are
     * unnested by PostgreSQL, which is several times faster than a JDBC batch of single-row
     * inserts at 100,000 rows. A stream that moved on fails the whole transaction. Every row
     * records {@code accountId} (the account's audit trail): the streams all belong to that account.
     */
    public void appendAll(String accountId, List<StreamAppend> appends) {
        int n = appends.stream().mapToInt(a -> a.events().size()).sum();
        if (n == 0) {
            return;
        }
        String[] streamIds = new String[n];
        Long[] versions = new Long[n];
        java.util.UUID[] eventIds = new java.util.UUID[n];
        String[] typeNames = new String[n];
        Integer[] schemaVersions = new Integer[n];
        String[] payloads = new String[n];
        String[] actors = new String[n];
        String[] correlations = new String[n];
        String[] causations = new String[n];
        Timestamp[] occurred = new Timestamp[n];
        int i = 0;
        for (StreamAppend a : appends) {
            long version = a.expectedVersion();
            for (NewEvent e : a.events()) {
                version++;
                EventMetadata m = e.metadata();
                Class<?> type = e.event().getClass();
                streamIds[i] = a.streamId();
                versions[i] = version;
                eventIds[i] = m.eventId();
                typeNames[i] = types.nameOf(type);
                schemaVersions[i] = types.currentVersionOf(type);
                payloads[i] = json.write(e.event());
                actors[i] = m.actor();
                correlations[i] = m.correlationId();
                causations[i] = m.causationId();
                occurred[i] = Timestamp.from(m.occurredAt());
                i++;
            }
        }
        try {
            jdbc.execute((java.sql.Connection c) -> {
                try (var ps = c.prepareStatement("""
                        INSERT INTO events (stream_id, version, account_id, event_id, event_type, schema_version,
                                            payload, actor, correlation_id, causation_id, occurred_at)
                        SELECT s, v, ?, e, t, sv, p::jsonb, a, co, ca, o
                        FROM unnest(?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::timestamptz[]) AS u(s, v, e, t, sv, p, a, co, ca, o)""")) {
                    ps.setString(1, accountId);
                    ps.setArray(2, c.createArrayOf("text", streamIds));
                    ps.setArray(3, c.createArrayOf("bigint", versions));
                    ps.setArray(4, c.createArrayOf("uuid", eventIds));
                    ps.setArray(5, c.createArrayOf("text", typeNames));
                    ps.setArray(6, c.createArrayOf("int4", schemaVersions));
                    ps.setArray(7, c.createArrayOf("text", payloads));
                    ps.setArray(8, c.createArrayOf("text", actors));
                    ps.setArray(9, c.createArrayOf("text", correlations));
                    ps.setArray(10, c.createArrayOf("text", causations));
                    ps.setArray(11, c.createArrayOf("timestamptz", occurred));
                    return ps.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            StreamAppend first = appends.get(0);
            throw new ConcurrencyConflictException(first.streamId() + " (or another of " + appends.size() + " streams)",
                    first.expectedVersion());
        }
    }
}
