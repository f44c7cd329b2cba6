-- Read model of the closures for support's list (filter by state, by what they wait on, overdue).
-- Written in the same transaction as the saga's events; the event streams stay the truth.
CREATE TABLE closure_summary (
    account_id     TEXT PRIMARY KEY,
    state          TEXT        NOT NULL,
    waiting_on     TEXT[]      NOT NULL,
    since          TIMESTAMPTZ NOT NULL,
    until          TIMESTAMPTZ,
    version        BIGINT      NOT NULL,
    initiated_by   TEXT,
    ticket_id      TEXT,
    last_lock_date DATE,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX closure_summary_state ON closure_summary (state, since);
CREATE INDEX closure_summary_until ON closure_summary (until) WHERE until IS NOT NULL;
CREATE INDEX closure_summary_waiting_on ON closure_summary USING GIN (waiting_on);
