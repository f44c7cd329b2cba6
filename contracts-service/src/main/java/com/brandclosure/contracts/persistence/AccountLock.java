package com.brandclosure.contracts.persistence;

import com.brandclosure.platform.kernel.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises every write of one account inside this service: a transaction-scoped advisory
 * lock. Without it a contract created while AccountDeactivated is being applied could slip
 * past the fence, two commands could both decide the account summary flips, and two requests
 * with one Idempotency-Key could both run. An advisory lock writes nothing, so the event-store
 * append stays the transaction's first write (see the platform's Inbox/OutboxRelay).
 */
@Component
public class AccountLock {

    private final JdbcTemplate jdbc;

    public AccountLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction; released at its end. Re-entrant within the transaction. */
    public void lock(AccountId account) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "contracts:" + account.value());
    }
}
