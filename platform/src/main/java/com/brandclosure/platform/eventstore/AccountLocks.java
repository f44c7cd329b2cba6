package com.brandclosure.platform.eventstore;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Per-account transaction locks ({@code pg_advisory_xact_lock}), taken in sorted order before
 * the transaction's first write. Why: the outbox relay publishes in transaction-id order, and a
 * transaction gets its id at its first write. A transaction that writes for several accounts, or
 * writes something before its event append, could otherwise hold an older id than a transaction
 * that committed an earlier event of the same account, and publish out of that account's order.
 * Advisory locks take no transaction id while waiting, so holding them first makes id order
 * follow each account's commit order. Sorted order avoids deadlocks between such transactions.
 * <p>
 * A wait is bounded by {@code lockTimeout} ({@code platform.event-store.lock-timeout}): one stuck
 * transaction on an account must not hold a connection of every request for that account until
 * the pool is exhausted for all tenants. A wait that times out throws {@link AccountBusyException};
 * the transaction's own {@code lock_timeout} is restored once the locks are held, so later
 * statements of the transaction wait as they would without this class.
 */
public class AccountLocks {

    /** PostgreSQL's SQLSTATE for lock_not_available (what lock_timeout raises). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Duration lockTimeout;
    private final boolean refuseShredded;

    public AccountLocks(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_LOCK_TIMEOUT);
    }

    public AccountLocks(JdbcTemplate jdbc, Duration lockTimeout) {
        this(jdbc, lockTimeout, false);
    }

    /**
     * @param refuseShredded once the locks are held, refuse ({@link com.brandclosure.platform.crypto.AccountShreddedException}) if an account's data
     *                       was shredded (platform.shredding, which holds the same lock while it shreds): checked in
     *                       the statement that restores the lock timeout, so it costs no round trip of its own
     */
    public AccountLocks(JdbcTemplate jdbc, Duration lockTimeout, boolean refuseShredded) {
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lock timeout must be positive (0 would wait forever): " + lockTimeout);
        }
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
        this.refuseShredded = refuseShredded;
    }

    /** Locks the accounts until the current transaction ends. Must run inside a transaction. */
    public void lockAll(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        String[] sorted = new TreeSet<>(accountIds).toArray(String[]::new);
        jdbc.execute((ConnectionCallback<Object>) c -> {
            String previous;
            // OFFSET 0 keeps the subquery (the setting before) evaluated before set_config changes it.
            try (var ps = c.prepareStatement("SELECT p.previous, set_config('lock_timeout', ?, true) "
                    + "FROM (SELECT current_setting('lock_timeout') AS previous OFFSET 0) p")) {
                ps.setString(1, lockTimeout.toMillis() + "ms");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    previous = rs.getString(1);
                }
            }
            // One round trip: unnest yields the sorted array in order, so the locks are taken in that order.
            try (var ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(a, 0)) "
                    + "FROM unnest(?::text[]) AS t(a)")) {
                ps.setArray(1, c.createArrayOf("text", sorted));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // each row is one lock taken
                    }
                }
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new AccountBusyException("account " + (sorted.length == 1 ? sorted[0] : String.join(", ", sorted))
                            + " is busy with another change; retry shortly", lockTimeout, e);
                }
                throw e;
            }
            String shredded = null;
            try (var ps = c.prepareStatement(refuseShredded
                    ? "SELECT set_config('lock_timeout', ?, true), (SELECT min(account_id) FROM account_data_keys"
                            + " WHERE account_id = ANY(?) AND shredded_at IS NOT NULL)"
                    : "SELECT set_config('lock_timeout', ?, true)")) {
                ps.setString(1, previous);
                if (refuseShredded) {
                    ps.setArray(2, c.createArrayOf("text", sorted));
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    shredded = refuseShredded ? rs.getString(2) : null;
                }
            }
            if (shredded != null) {
                throw new com.brandclosure.platform.crypto.AccountShreddedException(shredded);
            }
            return null;
        });
    }

    public void lock(String accountId) {
        lockAll(List.of(accountId));
    }

    public Duration lockTimeout() {
        return lockTimeout;
    }
}
