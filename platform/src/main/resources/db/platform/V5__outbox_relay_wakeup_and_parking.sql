-- The relay is woken in process after a local commit; only writers on an instance whose relay does
-- not own the position NOTIFY (from the application), so a NOTIFY no longer serialises every commit.
DROP TRIGGER IF EXISTS outbox_inserted ON outbox;

-- Rows Kafka refused for their content (too large, unknown or invalid topic): kept with the reason
-- so that one bad row never stalls the relay. Operators see them on /actuator/outbox and a metric.
CREATE TABLE outbox_parked (
    id          BIGSERIAL   PRIMARY KEY,
    outbox_id   BIGINT      NOT NULL,
    tx_id       XID8        NOT NULL,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    envelope    TEXT        NOT NULL,
    error       TEXT        NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
