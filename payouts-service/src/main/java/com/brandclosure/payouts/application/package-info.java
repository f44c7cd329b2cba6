/**
 * The use cases of payouts-service, one class per thing a user or the system does: tracking
 * conversions (ingest), reviewing actions (one or a batch), the lock and clearing timers, the
 * account deactivation, the account summary, the locking settings, and the queries.
 * <p>
 * Invariants: every command runs through the platform's {@code CommandRunner} (one unit of work per
 * call: the account locks first, action and summary state loaded from their event streams, many
 * streams in one load and all decided events in one append; a consumer's poll or a nested use case
 * joins the running unit). Calls from the web name their {@code Actor} and the tenant check
 * ({@code Actor.requireAccess}) is made here before anything is read or written, so a brand admin of
 * another account gets 404 whatever the entry point; calls from Kafka and timers are internal. The
 * time of a decision travels inside the command ({@code CommandContext.now()}).
 */
package com.brandclosure.payouts.application;
