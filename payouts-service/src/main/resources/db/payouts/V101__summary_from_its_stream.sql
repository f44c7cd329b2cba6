-- The payouts summary is loaded from its own event stream (payouts-summary:<account>) by the
-- command runner, so payouts_accounts no longer mirrors what it last announced.
ALTER TABLE payouts_accounts
    DROP COLUMN announced,
    DROP COLUMN announced_last_lock_date,
    DROP COLUMN summary_version;
