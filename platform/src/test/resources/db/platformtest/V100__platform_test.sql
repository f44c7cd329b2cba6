CREATE TABLE test_effects (
    event_id   TEXT NOT NULL,
    account_id TEXT NOT NULL
);
CREATE TABLE test_timer_firings (
    timer_id TEXT NOT NULL,
    data     TEXT,
    instance TEXT NOT NULL
);
CREATE TABLE test_projection (
    account_id TEXT PRIMARY KEY,
    total      BIGINT NOT NULL,
    version    BIGINT NOT NULL
);
CREATE TABLE test_account_fixes (
    account_id TEXT PRIMARY KEY
);
