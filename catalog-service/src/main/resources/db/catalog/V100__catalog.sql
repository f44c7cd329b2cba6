-- Read model of catalog-service, written in the same transaction as the catalog's events.
CREATE TABLE catalog_view (
    catalog_id TEXT PRIMARY KEY,
    account_id TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('LIVE', 'DELETED')),
    created_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ
);
CREATE INDEX catalog_view_account ON catalog_view (account_id, status);
