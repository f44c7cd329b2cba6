package com.brandclosure.contracts.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Stored answers by (account, Idempotency-Key); written in the transaction of the effect they answer. */
@Component
public class IdempotencyKeys {

    public record Stored(String fingerprint, int status, String body, String location) {
    }

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(String accountId, String key) {
        return jdbc.query("SELECT fingerprint, status, body, location FROM idempotency_keys "
                        + "WHERE account_id = ? AND idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                accountId, key).stream().findFirst();
    }

    public void save(String accountId, String key, Stored stored) {
        jdbc.update("INSERT INTO idempotency_keys (account_id, idempotency_key, fingerprint, status, body, location) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                accountId, key, stored.fingerprint(), stored.status(), stored.body(), stored.location());
    }
}
