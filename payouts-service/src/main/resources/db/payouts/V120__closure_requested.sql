-- Restores are refused once the account is closing: from the saga's ClosureRequested (the support
-- review opened) until a ClosureCancelled lifts it. Null: no closure requested (or it was cancelled).
ALTER TABLE payouts_accounts ADD COLUMN closure_requested_at TIMESTAMPTZ;
