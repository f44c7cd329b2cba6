/**
 * Read models, with plain JdbcTemplate; the event streams in {@code events} are the source of truth
 * and only the platform's event store writes them.
 * <p>
 * Invariants:
 * <ul>
 *   <li>{@link ContractView} and {@link LinkView} are {@code Projection}s: the command runner hands
 *       them what each flush appended, in the transaction of the append, so a row is never behind
 *       the stream it reflects (a use case that reads one after changing contracts flushes first).</li>
 *   <li>Bulk writes stay one statement whatever their size: {@code contract_view} rows travel as
 *       column arrays ({@code unnest}), one INSERT for new contracts and one UPDATE for changed
 *       ones, so expiring 100,000 contracts costs no round trip per contract.</li>
 *   <li>{@code contract_view} also chooses which streams a bulk expiry, a deactivation or a fired
 *       timer loads ({@link ContractView#openStreams}, {@link ContractView#dueStreams}); the
 *       streams themselves are then loaded by the runner, many in two queries.</li>
 *   <li>{@link IdempotencyKeys} rows are written in the unit of work of the effect they answer.</li>
 * </ul>
 */
package com.brandclosure.contracts.persistence;
