-- Crypto-shredding: one data key per account, wrapped by the master key (or a KMS). Personal fields of
-- events, snapshots and outbox envelopes are encrypted with it. closed_at is recorded from AccountClosed;
-- the shredding at closed_at + platform.shredding.retention sets wrapped_key to NULL for good and keeps
-- the row as a tombstone, so the account can never get a new key (no reopening, late events refused).
CREATE TABLE account_data_keys (
    account_id  TEXT PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at   TIMESTAMPTZ,
    shredded_at TIMESTAMPTZ,
    CONSTRAINT account_data_keys_shredded CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL))
);
