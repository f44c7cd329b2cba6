-- Per-account parking: after a record of an account fails on its content, that account's later
-- records on the same consumer are kept here (not applied) until an operator replays or discards
-- the failed one; every other account flows on.
CREATE TABLE parked_accounts (
    consumer        TEXT        NOT NULL,
    account_id      TEXT        NOT NULL,
    dead_letter_id  BIGINT      NOT NULL REFERENCES dead_letters (id),
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, account_id)
);

CREATE TABLE parked_records (
    id              BIGSERIAL PRIMARY KEY,
    consumer        TEXT        NOT NULL,
    account_id      TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    partition_no    INT         NOT NULL,
    record_offset   BIGINT      NOT NULL,
    record_key      TEXT,
    record_value    TEXT,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX parked_records_account ON parked_records (consumer, account_id, id);

ALTER TABLE dead_letters ADD COLUMN discarded_at TIMESTAMPTZ;
