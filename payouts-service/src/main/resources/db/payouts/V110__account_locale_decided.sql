-- The account's currency and zone are decided once, with its first locking settings, and announced
-- (AccountLocaleDecided). A conversion no longer fixes the currency: a row with a currency but no
-- decision is one a first conversion pinned before this version; its first settings still decide.
ALTER TABLE payouts_accounts ADD COLUMN locale_decided_at TIMESTAMPTZ;
