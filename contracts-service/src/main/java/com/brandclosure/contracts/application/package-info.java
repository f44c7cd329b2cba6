/**
 * Use cases, one small class per thing a brand, a shopper or the system does: {@link AccountSettings},
 * {@link ContractCommands}, {@link BulkExpiry}, {@link ScheduledExpiry} (a durable timer),
 * {@link Deactivation} (AccountDeactivated), {@link TrackingLinks}; queries in {@link ContractQueries}.
 * <p>
 * Invariants:
 * <ul>
 *   <li>Every change runs as one unit of work of the platform's {@code CommandRunner}: the account's
 *       lock, the streams' load, decide, one append for all streams, outbox (via the service's
 *       {@code Publication}), timers and read models (its {@code Projection}s) in one transaction.</li>
 *   <li>Tenant isolation is decided here, once per call: every use case reached from the API takes
 *       the calling {@code Actor} and refuses another brand's account as not found (404) before it
 *       reads or changes anything.</li>
 *   <li>An Idempotency-Key is checked and its answer stored inside the effect's unit of work
 *       ({@link Idempotency}).</li>
 *   <li>Every use case that changes contracts re-evaluates the account summary last, in its unit of
 *       work ({@link AccountSummary}), so a summary event is published if and only if the change that
 *       caused it commits, and after it.</li>
 *   <li>Time and ids come from the {@code CommandContext} and travel inside the commands.</li>
 * </ul>
 */
package com.brandclosure.contracts.application;
