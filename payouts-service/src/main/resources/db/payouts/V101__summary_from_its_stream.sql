-- Commands load action and summary state from their event streams through the platform's command
-- runner. The actions table stays as a read model (queries, pending counts), and the payouts summary
-- is loaded from its own stream (payouts-summary:<account>), so payouts_accounts no longer mirrors
-- what the summary last announced.
ALTER TABLE payouts_accounts
    DROP COLUMN announced,
    DROP COLUMN announced_last_lock_date,
    DROP COLUMN summary_version;
