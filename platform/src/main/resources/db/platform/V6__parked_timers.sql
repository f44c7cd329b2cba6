-- A timer whose handler throws is retried with growing backoff (platform.timers.*). db-scheduler moves
-- the row's execution_time on every retry, so the first due time of a failing timer is kept here from its
-- first failure on: lag and readiness are measured from it. The row goes when the timer succeeds, is
-- moved or cancelled by its service, or is parked.
CREATE TABLE failing_timers (
    kind           TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    first_due      TIMESTAMPTZ NOT NULL,
    attempts       INT         NOT NULL,
    last_error     TEXT        NOT NULL,
    last_failed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Timers that failed on every one of platform.timers.max-attempts attempts: taken out of
-- scheduled_tasks and kept here with their data and last error until an operator re-schedules or
-- discards them (/actuator/timers). Counted by the timers_parked gauge and the timers readiness detail.
CREATE TABLE parked_timers (
    kind       TEXT        NOT NULL,
    id         TEXT        NOT NULL,
    data       TEXT,
    first_due  TIMESTAMPTZ NOT NULL,
    attempts   INT         NOT NULL,
    last_error TEXT        NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, id)
);
