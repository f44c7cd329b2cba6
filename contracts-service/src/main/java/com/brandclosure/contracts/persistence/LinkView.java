package com.brandclosure.contracts.persistence;

import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which account and contract a tracking link belongs to, so a click finds its account (the lock
 * to take) without reading streams: a projection of {@code LinkCreated}, fed by the command runner.
 */
@Component
public class LinkView implements Projection {

    public record Row(String linkId, String accountId, String contractId, String landingUrl) {
    }

    private final JdbcTemplate jdbc;

    public LinkView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(List<Appended> appended) {
        List<Object[]> rows = appended.stream().filter(a -> a.event() instanceof LinkEvent.LinkCreated)
                .map(a -> (LinkEvent.LinkCreated) a.event())
                .map(e -> new Object[] {e.linkId(), e.accountId(), e.contractId(), e.landingUrl()}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO tracking_link_view (link_id, account_id, contract_id, landing_url) "
                    + "VALUES (?, ?, ?, ?)", rows);
        }
    }

    public Optional<Row> find(String linkId) {
        return jdbc.query("SELECT link_id, account_id, contract_id, landing_url FROM tracking_link_view WHERE link_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), linkId)
                .stream().findFirst();
    }
}
