package com.brandclosure.contracts.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Which account and contract a tracking link belongs to, so a click finds them without reading streams. */
@Component
public class LinkView {

    public record Row(String linkId, String accountId, String contractId, String landingUrl) {
    }

    private final JdbcTemplate jdbc;

    public LinkView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row row) {
        jdbc.update("INSERT INTO tracking_link_view (link_id, account_id, contract_id, landing_url) VALUES (?, ?, ?, ?)",
                row.linkId(), row.accountId(), row.contractId(), row.landingUrl());
    }

    public Optional<Row> find(String linkId) {
        return jdbc.query("SELECT link_id, account_id, contract_id, landing_url FROM tracking_link_view WHERE link_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), linkId)
                .stream().findFirst();
    }
}
