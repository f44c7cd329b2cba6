-- How many drifts the reconciler found on each closure (DriftDetected events): the console and
-- /actuator/reconciliation flag them. Rows written before count none (no drift was measured then).
ALTER TABLE closure_summary ADD COLUMN drifts INT NOT NULL DEFAULT 0;
