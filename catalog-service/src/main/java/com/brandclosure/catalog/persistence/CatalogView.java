package com.brandclosure.catalog.persistence;

import com.brandclosure.catalog.domain.CatalogEvent;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog list read model, kept by the command runner in each command's transaction (writes are
 * serialised per account by the runner's account lock).
 */
@Component
public class CatalogView implements Projection {

    public record Row(String catalogId, String accountId, String name, String status, Instant createdAt,
                      Instant deletedAt) {
    }

    private final JdbcTemplate jdbc;

    public CatalogView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(List<Appended> appended) {
        for (Appended a : appended) {
            if (a.event() instanceof CatalogEvent) {
                save(a.state());
            }
        }
    }

    private void save(CatalogState state) {
        switch (state) {
            case CatalogState.Live l -> jdbc.update("""
                    INSERT INTO catalog_view (catalog_id, account_id, name, status, created_at) VALUES (?, ?, ?, 'LIVE', ?)""",
                    l.catalogId(), l.accountId(), l.name(), Timestamp.from(l.createdAt()));
            case CatalogState.Deleted d -> jdbc.update(
                    "UPDATE catalog_view SET status = 'DELETED', deleted_at = ? WHERE catalog_id = ?",
                    Timestamp.from(d.deletedAt()), d.catalogId());
            case CatalogState.NotCreated n -> throw new IllegalStateException("nothing to save");
        }
    }

    public long live(String accountId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM catalog_view WHERE account_id = ? AND status = 'LIVE'",
                Long.class, accountId);
        return n == null ? 0 : n;
    }

    /** One page of the account's catalogs, oldest first (created at, then id: unique and stable). */
    public List<Row> list(String accountId, boolean includeDeleted, Paging.Request page) {
        var sql = new StringBuilder("SELECT catalog_id, account_id, name, status, created_at, deleted_at FROM catalog_view "
                + "WHERE account_id = ?" + (includeDeleted ? "" : " AND status = 'LIVE'"));
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (!page.fromStart()) {
            sql.append(" AND (created_at, catalog_id) > (?, ?)");
            args.add(page.afterTimestamp(0));
            args.add(page.after(1));
        }
        sql.append(" ORDER BY created_at, catalog_id LIMIT ?");
        args.add(page.fetch());
        return jdbc.query(sql.toString(),
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), args.toArray());
    }

    /** The paging cursor of {@code row}: its place in {@link #list}'s order. */
    public static String cursorOf(Row row) {
        return Paging.cursor(row.createdAt().toString(), row.catalogId());
    }
}
