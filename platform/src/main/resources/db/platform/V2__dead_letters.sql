-- Records that exhausted their retries (or could not be read), kept for the deadletters endpoint:
-- the same record also goes to <topic>.DLT; this table is the service's own view and replay log.
CREATE TABLE dead_letters (
    id              BIGSERIAL PRIMARY KEY,
    consumer        TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    partition_no    INT         NOT NULL,
    record_offset   BIGINT      NOT NULL,
    record_key      TEXT,
    record_value    TEXT,
    error           TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_at     TIMESTAMPTZ
);
CREATE INDEX dead_letters_recorded ON dead_letters (recorded_at DESC);
