/**
 * Read models of payouts-service in plain SQL: account rows (settings, closure date), contract
 * periods, and the {@code actions} table kept by {@link com.brandclosure.payouts.persistence.ActionsProjection}.
 * <p>
 * Invariants: every write runs inside the unit of work that appended the events it reflects (or, for
 * account rows and contract periods, inside the unit holding the account's lock), so the rows are never
 * behind. The rows answer queries and counters only: commands load action and summary state from their
 * event streams through the command runner, never from these tables; no SQL here touches {@code events}.
 */
package com.brandclosure.payouts.persistence;
