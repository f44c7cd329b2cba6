-- Platform tables, the same in every service's database. Service migrations start at V100.

-- Event store: append-only streams; UNIQUE(stream_id, version) is the optimistic-concurrency arbiter.
CREATE TABLE events (
    global_position BIGSERIAL PRIMARY KEY,
    stream_id       TEXT        NOT NULL,
    version         BIGINT      NOT NULL CHECK (version > 0),
    event_id        UUID        NOT NULL UNIQUE,
    event_type      TEXT        NOT NULL,
    schema_version  INT         NOT NULL,
    payload         JSONB       NOT NULL,
    actor           TEXT        NOT NULL,
    correlation_id  TEXT        NOT NULL,
    causation_id    TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);

CREATE TABLE snapshots (
    stream_id  TEXT PRIMARY KEY,
    version    BIGINT      NOT NULL,
    state_type TEXT        NOT NULL,
    state      JSONB       NOT NULL,
    taken_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Transactional outbox. tx_id orders rows by transaction so the relay never skips a late committer.
CREATE TABLE outbox (
    id          BIGSERIAL   PRIMARY KEY,
    tx_id       XID8        NOT NULL DEFAULT pg_current_xact_id(),
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    envelope    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbox_tx_order ON outbox (tx_id, id);

CREATE TABLE outbox_relay_position (
    relay      TEXT PRIMARY KEY,
    last_tx_id XID8        NOT NULL,
    last_id    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO outbox_relay_position (relay, last_tx_id, last_id) VALUES ('default', '0'::xid8, 0);

-- One notification per inserting statement, not per row: the relay only needs a wake-up.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_inserted', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotent consumers: one row per (consumer, event id), written in the effect's transaction.
CREATE TABLE processed_messages (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_messages_age ON processed_messages (processed_at);

-- db-scheduler's table (durable timers and the retention job).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
