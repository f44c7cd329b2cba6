package com.brandclosure.platform.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Per-account transaction locks ({@code pg_advisory_xact_lock}), taken in sorted order before
 * the transaction's first write. Why: the outbox relay publishes in transaction-id order, and a
 * transaction gets its id at its first write. A transaction that writes for several accounts, or
 * writes something before its event append, could otherwise hold an older id than a transaction
 * that committed an earlier event of the same account, and publish out of that account's order.
 * Advisory locks take no transaction id while waiting, so holding them first makes id order
 * follow each account's commit order. Sorted order avoids deadlocks between such transactions.
 */
public class AccountLocks {

    private final JdbcTemplate jdbc;

    public AccountLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the accounts until the current transaction ends. Must run inside a transaction. */
    public void lockAll(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        String[] sorted = new TreeSet<>(accountIds).toArray(String[]::new);
        // One round trip: unnest yields the sorted array in order, so the locks are taken in that order.
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Object>) c -> {
            try (var ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(a, 0)) "
                    + "FROM unnest(?::text[]) AS t(a)")) {
                ps.setArray(1, c.createArrayOf("text", sorted));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // each row is one lock taken
                    }
                }
            }
            return null;
        });
    }

    public void lock(String accountId) {
        lockAll(java.util.List.of(accountId));
    }
}
