-- payouts-service read models. The event store (db/platform) is the source of truth; these rows
-- are written in the same transaction as the events they reflect, so they are never behind.

-- One row per brand account: its locking settings, its closure date once deactivated, and what
-- the payouts summary last announced (with the version of the summary stream).
CREATE TABLE payouts_accounts (
    account_id               TEXT PRIMARY KEY,
    lock_months              INT         NOT NULL,
    lock_days                INT         NOT NULL,
    reference_period         TEXT        NOT NULL,
    payment_scheduling_days  INT         NOT NULL,
    zone                     TEXT        NOT NULL,
    currency                 TEXT,
    closure_date             DATE,
    announced                TEXT        NOT NULL DEFAULT 'NONE',
    announced_last_lock_date DATE,
    summary_version          BIGINT      NOT NULL DEFAULT 0,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per action: its current state and the stream version it reflects, so batch commands
-- load thousands of actions in one query and the summary counts pending actions without
-- replaying streams.
CREATE TABLE actions (
    account_id    TEXT        NOT NULL,
    action_id     TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    partner_id    TEXT        NOT NULL,
    contract_id   TEXT,
    event_at      TIMESTAMPTZ NOT NULL,
    reported_at   TIMESTAMPTZ NOT NULL,
    event_date    DATE        NOT NULL,
    late_reported BOOLEAN     NOT NULL,
    cost_minor    BIGINT      NOT NULL,
    currency      TEXT        NOT NULL,
    lock_date     DATE        NOT NULL,
    clearing_date DATE        NOT NULL,
    lock_at       TIMESTAMPTZ NOT NULL,
    clearing_at   TIMESTAMPTZ NOT NULL,
    reason        TEXT,
    cleared_on    DATE,
    version       BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, action_id)
);
CREATE INDEX actions_by_state ON actions (account_id, state, lock_date);
CREATE INDEX actions_by_event_date ON actions (account_id, event_date);

-- Contract activity per partner, from contracts-service's events: decides OUTSIDE_OF_TERMS.
CREATE TABLE contract_periods (
    account_id   TEXT        NOT NULL,
    contract_id  TEXT        NOT NULL,
    partner_id   TEXT        NOT NULL,
    active_from  TIMESTAMPTZ NOT NULL,
    active_until TIMESTAMPTZ,
    PRIMARY KEY (account_id, contract_id)
);
