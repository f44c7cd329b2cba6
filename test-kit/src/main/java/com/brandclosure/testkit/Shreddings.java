package com.brandclosure.testkit;

import java.time.Instant;
import java.util.UUID;

/**
 * Test vocabulary of crypto-shredding (platform.shredding), shared by the services' tests: an AccountClosed
 * record as the orchestrator publishes it, and the queries that show what a service stored for an account.
 */
public final class Shreddings {

    private Shreddings() {
    }

    /**
     * The account's raw rows, one text each — events (payload and actor), snapshots of its streams, outbox
     * envelopes — to look for clear text in. Parameters: the account id three times.
     */
    public static final String RAW_ROWS = """
            SELECT payload::text || ' ' || actor FROM events WHERE account_id = ?
            UNION ALL SELECT s.state::text FROM snapshots s
                      WHERE s.stream_id IN (SELECT stream_id FROM events WHERE account_id = ?)
            UNION ALL SELECT envelope FROM outbox WHERE message_key = ?""";

    /**
     * The account's stored rows only — events (payload and actor) and snapshots of its streams. Parameters: the
     * account id twice. (What a service publishes in clear for its consumers, partner ids, is in the outbox.)
     */
    public static final String STORED_ROWS = """
            SELECT payload::text || ' ' || actor FROM events WHERE account_id = ?
            UNION ALL SELECT s.state::text FROM snapshots s
                      WHERE s.stream_id IN (SELECT stream_id FROM events WHERE account_id = ?)""";

    /** 1 once the account's data key is deleted (its shredding committed), else 0. Parameter: the account id. */
    public static final String SHREDDED = """
            SELECT count(*) FROM account_data_keys WHERE account_id = ? AND shredded_at IS NOT NULL""";

    /** The number of AccountDataShredded events stored for the account. Parameter: the account id. */
    public static final String EVIDENCE = """
            SELECT count(*) FROM events WHERE account_id = ? AND event_type = 'AccountDataShredded'""";

    /** The envelope of {@code AccountClosed} for {@code account}, closed at {@code closedAt}, for closure.events. */
    public static String accountClosed(String account, Instant closedAt) {
        return """
                {"eventId":"%s","type":"AccountClosed","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"timer:closure","correlationId":"closed-%s","causationId":null,
                 "payload":{"accountId":"%s","closedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), account, closedAt, account, account, closedAt);
    }
}
