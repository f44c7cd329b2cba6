package com.brandclosure.closure.persistence;

import com.brandclosure.closure.application.ClosureStatus;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.AccountClosureState.ClosureRequested;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingFinalSettlement;
import com.brandclosure.closure.domain.Initiation;
import com.brandclosure.closure.domain.LockDate;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closures' summary table for support's list: a {@link Projection} the command runner feeds in
 * the saga's transaction with what each unit of work appended. Accounts whose closure was never
 * initiated have no row (their facts are only being gathered).
 */
@Repository
public class ClosureProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ClosureProperties properties;
    private final Clock clock;

    public ClosureProjection(JdbcTemplate jdbc, ClosureProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** One row of the list; {@code drifts}: how many drifts reconciliations found on the closure. */
    public record Summary(String accountId, String state, List<String> waitingOn, Instant since, Instant until,
                          boolean overdue, long version, String initiatedBy, String ticketId, LocalDate lastLockDate,
                          int drifts) {
    }

    /** One upsert per closure the unit of work changed, with the state after its last appended event. */
    @Override
    public void project(List<Appended> appended) {
        Map<String, AccountClosureState> latest = new LinkedHashMap<>();
        for (Appended a : appended) {
            if (a.stateAfter() instanceof AccountClosureState state) {
                latest.put(a.streamId(), state);
            }
        }
        latest.values().forEach(this::save);
    }

    private void save(AccountClosureState state) {
        if (state instanceof AccountClosureState.NotInitiated) {
            return;
        }
        ClosureStatus status = ClosureStatus.of(state, properties.deadlines());
        Initiation initiation = AccountClosure.initiation(state);
        LocalDate lockDate = state.ledger().facts().lockDate().map(LockDate::date).orElse(null);
        String ticket = switch (state) {
            case ClosureRequested r -> r.ticketId();
            case AwaitingFinalSettlement d -> d.ticketId();
            case AccountClosureState.Deactivating d -> d.ticketId();
            default -> null;
        };
        jdbc.update("""
                INSERT INTO closure_summary (account_id, state, waiting_on, since, until, version, initiated_by,
                                             ticket_id, last_lock_date, drifts, updated_at)
                VALUES (?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET state = excluded.state, waiting_on = excluded.waiting_on,
                    since = excluded.since, until = excluded.until, version = excluded.version,
                    initiated_by = excluded.initiated_by, ticket_id = excluded.ticket_id,
                    last_lock_date = excluded.last_lock_date, drifts = excluded.drifts,
                    updated_at = excluded.updated_at
                WHERE closure_summary.version < excluded.version""",
                state.ledger().account().value(), state.name(), textArray(status.waitingOn()), timestamp(status.since()),
                timestamp(status.until()), state.ledger().version(), initiation == null ? null : initiation.initiatedBy(),
                ticket, lockDate, state.ledger().drifts().size(), Timestamp.from(clock.instant()));
    }

    /**
     * One page of the closures matching every given filter (null: any), oldest first: by {@code since}, then
     * account id (unique and stable); {@link Paging.Request#fetch()} rows at most.
     */
    public List<Summary> list(String state, String waitingOn, Boolean overdue, Paging.Request page) {
        var sql = new StringBuilder("""
                SELECT account_id, state, waiting_on, since, until, version, initiated_by, ticket_id, last_lock_date,
                       drifts
                FROM closure_summary WHERE true""");
        List<Object> args = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        if (waitingOn != null) {
            sql.append(" AND waiting_on @> ARRAY[?]::text[]");
            args.add(waitingOn);
        }
        if (overdue != null) {
            sql.append(overdue ? " AND until < ?" : " AND (until IS NULL OR until >= ?)");
            args.add(now);
        }
        if (!page.fromStart()) {
            sql.append(" AND (since, account_id) > (?, ?)");
            args.add(page.afterTimestamp(0));
            args.add(page.after(1));
        }
        sql.append(" ORDER BY since, account_id LIMIT ?");
        args.add(page.fetch());
        Instant at = now.toInstant();
        return jdbc.query(sql.toString(), (rs, i) -> {
            Array waiting = rs.getArray(3);
            Timestamp until = rs.getTimestamp(5);
            var lock = rs.getDate(9);
            return new Summary(rs.getString(1), rs.getString(2), List.of((String[]) waiting.getArray()),
                    rs.getTimestamp(4).toInstant(), until == null ? null : until.toInstant(),
                    until != null && until.toInstant().isBefore(at), rs.getLong(6), rs.getString(7), rs.getString(8),
                    lock == null ? null : lock.toLocalDate(), rs.getInt(10));
        }, args.toArray());
    }

    /**
     * The accounts whose closure is in flight (neither closed nor cancelled), in account-id order after
     * {@code afterAccountId} (null: from the start), at most {@code limit}: the reconciler's pages.
     */
    public List<String> inFlightAccounts(String afterAccountId, int limit) {
        return jdbc.queryForList("""
                SELECT account_id FROM closure_summary
                WHERE state NOT IN ('AccountClosed', 'ClosureCancelled') AND account_id > ?
                ORDER BY account_id LIMIT ?""", String.class, afterAccountId == null ? "" : afterAccountId, limit);
    }

    /** The paging cursor of {@code summary}: its place in {@link #list}'s order. */
    public static String cursorOf(Summary summary) {
        return Paging.cursor(summary.since().toString(), summary.accountId());
    }

    /** How many closures are in each state (states without any are absent). */
    public Map<String, Long> countsByState() {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.query("SELECT state, count(*) FROM closure_summary GROUP BY state",
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** How many closures wait on each thing (a closure waiting on two preconditions counts for both). */
    public Map<String, Long> countsByWaitingOn() {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.query("SELECT w, count(*) FROM closure_summary, unnest(waiting_on) AS w GROUP BY w",
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** How many closures are past their state's deadline, per state (states without any are absent). */
    public Map<String, Long> countsOverdueByState() {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.query("SELECT state, count(*) FROM closure_summary WHERE until < ? GROUP BY state",
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, Timestamp.from(clock.instant()));
        return counts;
    }

    /** How many closures have had a drift (a reconciliation answer that contradicted the saga's fact). */
    public long countWithDrift() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM closure_summary WHERE drifts > 0", Long.class);
        return n == null ? 0 : n;
    }

    /** How many closures are past their state's deadline ({@code Deadlines}). */
    public long countOverdue() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM closure_summary WHERE until < ?", Long.class,
                Timestamp.from(clock.instant()));
        return n == null ? 0 : n;
    }

    private static String textArray(List<String> values) {
        // Values are enum-like names (letters and '_'), so the array literal needs no escaping.
        return "{" + String.join(",", values) + "}";
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
