package com.brandclosure.contracts.persistence;

import com.brandclosure.contracts.domain.ContractState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contract list read model (table {@code contract_view}), written from contract states. */
@Component
public class ContractView {

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

    /** A contract's state after a command, with its stream version; {@code createdAt} is only used on insert. */
    public record Change(String streamId, ContractState state, long version, Instant createdAt) {
    }

    public void upsertAll(List<Change> changes) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            switch (c.state()) {
                case ContractState.Active a -> rows.add(new Object[]{a.contractId(), c.streamId(), a.accountId(),
                        a.partnerId(), a.landingUrl(), a.expiresAt() == null ? "ACTIVE" : "EXPIRING",
                        ts(a.expiresAt()), null, a.expiryComment(), a.switches().size(), c.version(), ts(c.createdAt())});
                case ContractState.Expired x -> rows.add(new Object[]{x.contractId(), c.streamId(), x.accountId(),
                        x.partnerId(), x.landingUrl(), "EXPIRED", ts(x.expiredAt()), ts(x.expiredAt()), x.comment(),
                        x.switches().size(), c.version(), ts(c.createdAt())});
                case ContractState.NotCreated n -> throw new IllegalStateException("no row for a contract never created");
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO contract_view (contract_id, stream_id, account_id, partner_id, landing_url, status,
                    expires_at, expired_at, comment, pending_switches, stream_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id) DO UPDATE SET status = excluded.status, expires_at = excluded.expires_at,
                    expired_at = excluded.expired_at, comment = excluded.comment,
                    pending_switches = excluded.pending_switches, stream_version = excluded.stream_version""", rows);
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

    public Page list(String accountId, Status status, int page, int size) {
        String filter = status == null ? "" : " AND status = '" + status.name() + "'";
        Long total = jdbc.queryForObject("SELECT count(*) FROM contract_view WHERE account_id = ?" + filter,
                Long.class, accountId);
        List<Row> items = jdbc.query("SELECT * FROM contract_view WHERE account_id = ?" + filter
                        + " ORDER BY created_at, contract_id LIMIT ? OFFSET ?", ContractView::row,
                accountId, size, (long) page * size);
        return new Page(items, total == null ? 0 : total);
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

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
