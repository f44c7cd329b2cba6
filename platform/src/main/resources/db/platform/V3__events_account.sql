-- The brand account an event concerns: the audit trail of an account is its events, in order.
ALTER TABLE events ADD COLUMN account_id TEXT;
CREATE INDEX events_account ON events (account_id, global_position) WHERE account_id IS NOT NULL;
