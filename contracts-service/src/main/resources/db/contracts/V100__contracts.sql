-- Read models of contracts-service (the event streams in `events` are the source of truth;
-- these rows are written in the same transaction as the events they reflect).

-- One row per partner contract: listing, filtering, counting for the account summary, and
-- choosing which streams a bulk expiry must load.
CREATE TABLE contract_view (
    contract_id      TEXT PRIMARY KEY,
    stream_id        TEXT        NOT NULL,  -- no index: the join goes from here into events(stream_id, version)
    account_id       TEXT        NOT NULL,
    partner_id       TEXT        NOT NULL,
    landing_url      TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRING', 'EXPIRED')),
    expires_at       TIMESTAMPTZ,
    expired_at       TIMESTAMPTZ,
    comment          TEXT,
    pending_switches INT         NOT NULL,
    stream_version   BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_view_account_status ON contract_view (account_id, status);
CREATE INDEX contract_view_account_order ON contract_view (account_id, created_at, contract_id);

CREATE TABLE tracking_link_view (
    link_id     TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    contract_id TEXT NOT NULL,
    landing_url TEXT NOT NULL
);

-- Answers of POST requests by Idempotency-Key, stored in the effect's transaction.
CREATE TABLE idempotency_keys (
    account_id      TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    status          INT         NOT NULL,
    body            TEXT        NOT NULL,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, idempotency_key)
);
