-- Every attempt of the failing test timer, and the switch that fixes its cause.
CREATE TABLE test_timer_attempts (
    timer_id   TEXT        NOT NULL,
    attempt_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE test_fixes (
    timer_id TEXT PRIMARY KEY
);
