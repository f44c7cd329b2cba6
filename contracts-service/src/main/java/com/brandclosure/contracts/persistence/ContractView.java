package com.brandclosure.contracts.persistence;

import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.jdbc.ArrayRows;
import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract list read model (table {@code contract_view}): a projection the command runner feeds
 * with every contract event it appends, written from the contract's state after the event, in the
 * same transaction.
 */
@Component
public class ContractView implements Projection {

    public enum Status { ACTIVE, EXPIRING, EXPIRED }

    public record Row(String contractId, String accountId, String partnerId, String landingUrl, Status status,
                      Instant expiresAt, Instant expiredAt, String comment, int pendingSwitches, Instant createdAt) {
    }

    public record Counts(long notExpired, long pendingSwitches) {
    }

    public record Page(List<Row> items, long total) {
    }

    private final JdbcTemplate jdbc;

    public ContractView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A contract's last state in a flush, with its stream version; {@code createdAt} is only used on insert. */
    private record Change(String streamId, ContractState state, long version, Instant createdAt, boolean isNew) {
    }

    /** One row change per contract stream the flush touched, however many events it appended to it. */
    @Override
    public void project(List<Appended> appended) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Appended a : appended) {
            if (a.event() instanceof ContractEvent event) {
                Change earlier = changes.get(a.streamId());
                // New: the stream's first event (ContractCreated) is in this flush; a later flush finds its row.
                boolean isNew = earlier != null ? earlier.isNew() : a.version() == 1;
                Instant createdAt = event instanceof ContractEvent.ContractCreated c ? c.createdAt()
                        : earlier != null ? earlier.createdAt() : null;
                changes.put(a.streamId(), new Change(a.streamId(), a.state(), a.version(), createdAt, isNew));
            }
        }
        if (!changes.isEmpty()) {
            upsertAll(List.copyOf(changes.values()));
        }
    }

    /**
     * One INSERT for new contracts and one UPDATE for changed ones, each a single statement over
     * column arrays unnested by PostgreSQL (as the event store's append); a plain UPDATE joined on
     * the key is much cheaper than INSERT .. ON CONFLICT at 100,000 rows.
     */
    private void upsertAll(List<Change> changes) {
        List<Change> fresh = changes.stream().filter(Change::isNew).toList();
        List<Change> changed = changes.stream().filter(c -> !c.isNew()).toList();
        if (!fresh.isEmpty()) {
            write(fresh, """
                    INSERT INTO contract_view (contract_id, stream_id, account_id, partner_id, landing_url, status,
                        expires_at, expired_at, comment, pending_switches, stream_version, created_at)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[], ?::bigint[], ?::timestamptz[])""");
        }
        if (!changed.isEmpty()) {
            write(changed, """
                    UPDATE contract_view c SET status = u.status, expires_at = u.expires_at, expired_at = u.expired_at,
                        comment = u.comment, pending_switches = u.pending, stream_version = u.version
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[], ?::bigint[], ?::timestamptz[])
                        AS u(id, stream, account, partner, url, status, expires_at, expired_at, comment, pending,
                             version, created_at)
                    WHERE c.contract_id = u.id""");
        }
    }

    private void write(List<Change> changes, String sql) {
        // id, stream, account, partner, url, status, expires_at, expired_at, comment, pending, version, created_at
        ArrayRows rows = ArrayRows.of("text", "text", "text", "text", "text", "text", "timestamptz", "timestamptz",
                "text", "int4", "bigint", "timestamptz");
        for (Change c : changes) {
            switch (c.state()) {
                case ContractState.Active a -> rows.add(a.contractId(), c.streamId(), a.accountId(), a.partnerId(),
                        a.landingUrl(), a.expiresAt() == null ? "ACTIVE" : "EXPIRING", a.expiresAt(), null,
                        a.expiryComment(), a.switches().size(), c.version(), c.createdAt());
                case ContractState.Expired x -> rows.add(x.contractId(), c.streamId(), x.accountId(), x.partnerId(),
                        x.landingUrl(), "EXPIRED", x.expiredAt(), x.expiredAt(), x.comment(), x.switches().size(),
                        c.version(), c.createdAt());
                case ContractState.NotCreated none -> throw new IllegalStateException("no row for a contract never created");
            }
        }
        rows.update(jdbc, sql);
    }

    /**
     * The streams of the account's contracts that are not expired or still have pending switches
     * (optionally of some partners only): what a bulk expiry or a deactivation must load.
     */
    public List<String> openStreams(String accountId, List<String> partnerIds) {
        String sql = "SELECT stream_id FROM contract_view WHERE account_id = ? "
                + "AND (status <> 'EXPIRED' OR pending_switches > 0)";
        if (partnerIds == null) {
            return jdbc.queryForList(sql, String.class, accountId);
        }
        return jdbc.queryForList(sql + " AND partner_id = ANY(?)", String.class, accountId,
                partnerIds.toArray(String[]::new));
    }

    /** The streams of the account's contracts whose scheduled expiry is due at {@code now}. */
    public List<String> dueStreams(String accountId, Instant now) {
        return jdbc.queryForList("SELECT stream_id FROM contract_view WHERE account_id = ? AND status = 'EXPIRING' "
                + "AND expires_at <= ?", String.class, accountId, Timestamp.from(now));
    }

    public Counts counts(String accountId) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE status <> 'EXPIRED'), coalesce(sum(pending_switches), 0)
                FROM contract_view WHERE account_id = ?""",
                (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2)), accountId);
    }

    public Optional<Row> find(String accountId, String contractId) {
        return jdbc.query("SELECT * FROM contract_view WHERE account_id = ? AND contract_id = ?", ContractView::row,
                accountId, contractId).stream().findFirst();
    }

    /**
     * The matching contracts' count and one page of them ({@link Paging.Request#fetch()} at most), oldest first:
     * by created at, then contract id (unique and stable).
     */
    public Page list(String accountId, Status status, Paging.Request page) {
        String filter = status == null ? "" : " AND status = '" + status.name() + "'";
        Long total = jdbc.queryForObject("SELECT count(*) FROM contract_view WHERE account_id = ?" + filter,
                Long.class, accountId);
        List<Object> args = new ArrayList<>(List.of(accountId));
        String after = "";
        if (!page.fromStart()) {
            after = " AND (created_at, contract_id) > (?, ?)";
            args.add(page.afterTimestamp(0));
            args.add(page.after(1));
        }
        args.add(page.fetch());
        List<Row> items = jdbc.query("SELECT * FROM contract_view WHERE account_id = ?" + filter + after
                + " ORDER BY created_at, contract_id LIMIT ?", ContractView::row, args.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** The paging cursor of {@code row}: its place in {@link #list}'s order. */
    public static String cursorOf(Row row) {
        return Paging.cursor(row.createdAt().toString(), row.contractId());
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getString("contract_id"), rs.getString("account_id"), rs.getString("partner_id"),
                rs.getString("landing_url"), Status.valueOf(rs.getString("status")), instant(rs, "expires_at"),
                instant(rs, "expired_at"), rs.getString("comment"), rs.getInt("pending_switches"),
                instant(rs, "created_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
