package com.brandclosure.platform.crypto;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts' data keys ({@code account_data_keys}, wrapped by {@link KeyWrapping}). For reading, a key is
 * read from the table once per transaction (a transaction-bound map), never cached beyond it, so a key
 * deleted by another instance reads as gone on every instance at its next transaction. For sealing, a key
 * seen by a committed transaction is kept (the hot path then reads nothing): a unit of work on a shredded
 * account never gets that far, the account locks refuse it first. The unwrapping of a wrapped key already
 * seen is cached (it is the same key). A key is created on the first write of personal data of an account;
 * a shredded account never gets one again.
 */
public class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int UNWRAPPED_CACHE_LIMIT = 10_000;

    /** What the table says about an account. */
    public record Status(SecretKeySpec key, Instant closedAt, Instant shreddedAt) {
        public boolean shredded() {
            return shreddedAt != null;
        }
    }

    private static final Status NONE = new Status(null, null, null);

    private final JdbcTemplate jdbc;
    private final KeyWrapping wrapping;
    private final Map<String, SecretKeySpec> unwrapped = new ConcurrentHashMap<>();
    /** Keys to seal with, by account, from committed transactions (see {@link #forWriting}). */
    private final Map<String, SecretKeySpec> writeKeys = new ConcurrentHashMap<>();

    public DataKeys(JdbcTemplate jdbc, KeyWrapping wrapping) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
    }

    /** The key to encrypt the account's personal data with, created if the account has none yet. */
    public SecretKeySpec forWriting(String accountId) {
        SecretKeySpec known = writeKeys.get(accountId);
        if (known != null) {
            return known;
        }
        SecretKeySpec key = keyForWriting(accountId);
        // Kept beyond the transaction only once it committed (a key made by a transaction that rolls back is
        // not stored). A key deleted meanwhile by another instance is harmless here: every unit of work on a
        // shredded account is refused under its lock (AccountLocks) before anything is sealed.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(accountId, key);
                }
            });
        } else {
            remember(accountId, key);
        }
        return key;
    }

    private void remember(String accountId, SecretKeySpec key) {
        if (writeKeys.size() >= UNWRAPPED_CACHE_LIMIT) {
            writeKeys.clear();
        }
        writeKeys.put(accountId, key);
    }

    private SecretKeySpec keyForWriting(String accountId) {
        Status status = status(accountId);
        if (status.shredded()) {
            throw new AccountShreddedException(accountId);
        }
        if (status.key() != null) {
            return status.key();
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.update("INSERT INTO account_data_keys (account_id, wrapped_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                accountId, wrapping.wrap(accountId, key));
        forget(accountId);
        Status created = status(accountId);
        if (created.shredded()) {
            throw new AccountShreddedException(accountId);
        }
        return created.key();
    }

    /** The key to decrypt with, empty once shredded (or if the account never had personal data). */
    public Optional<SecretKeySpec> forReading(String accountId) {
        return Optional.ofNullable(status(accountId).key());
    }

    /** The account's row: key, closure and shredding times (all null if it has none). */
    public Status status(String accountId) {
        Map<String, Status> cache = transactionCache();
        Status cached = cache == null ? null : cache.get(accountId);
        if (cached != null) {
            return cached;
        }
        List<Status> rows = jdbc.query(
                "SELECT wrapped_key, closed_at, shredded_at FROM account_data_keys WHERE account_id = ?",
                (rs, i) -> status(accountId, rs.getBytes(1), rs.getTimestamp(2), rs.getTimestamp(3)), accountId);
        Status status = rows.isEmpty() ? NONE : rows.get(0);
        if (cache != null) {
            cache.put(accountId, status);
        }
        return status;
    }

    private Status status(String accountId, byte[] wrapped, Timestamp closed, Timestamp shredded) {
        return new Status(wrapped == null ? null : unwrap(accountId, wrapped),
                closed == null ? null : closed.toInstant(), shredded == null ? null : shredded.toInstant());
    }

    /** Records the account's closure time (from AccountClosed); the first one recorded stays. */
    public void recordClosure(String accountId, Instant closedAt) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.update("""
                INSERT INTO account_data_keys (account_id, wrapped_key, closed_at) VALUES (?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET closed_at = coalesce(account_data_keys.closed_at, excluded.closed_at)""",
                accountId, wrapping.wrap(accountId, key), Timestamp.from(closedAt));
        forget(accountId);
    }

    /** Deletes the account's data key for good (the row stays as a tombstone). */
    public void destroy(String accountId, Instant at) {
        jdbc.update("""
                INSERT INTO account_data_keys (account_id, wrapped_key, shredded_at) VALUES (?, NULL, ?)
                ON CONFLICT (account_id) DO UPDATE SET wrapped_key = NULL, shredded_at = excluded.shredded_at""",
                accountId, Timestamp.from(at));
        forget(accountId);
        writeKeys.remove(accountId);
        unwrapped.keySet().removeIf(k -> k.startsWith(accountId + ":"));
    }

    private SecretKeySpec unwrap(String accountId, byte[] wrapped) {
        String cacheKey = accountId + ":" + Base64.getEncoder().encodeToString(wrapped);
        SecretKeySpec key = unwrapped.get(cacheKey);
        if (key == null) {
            key = new SecretKeySpec(wrapping.unwrap(accountId, wrapped), "AES");
            if (unwrapped.size() >= UNWRAPPED_CACHE_LIMIT) {
                unwrapped.clear();
            }
            unwrapped.put(cacheKey, key);
        }
        return key;
    }

    private void forget(String accountId) {
        Map<String, Status> cache = transactionCache();
        if (cache != null) {
            cache.remove(accountId);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Status> transactionCache() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Status> cache = (Map<String, Status>) TransactionSynchronizationManager.getResource(this);
        if (cache == null) {
            Map<String, Status> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            cache = fresh;
        }
        return cache;
    }
}
