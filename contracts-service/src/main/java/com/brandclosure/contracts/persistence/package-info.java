/**
 * Read models and the bulk access to contract streams, with plain JdbcTemplate.
 * <p>
 * Why a bulk path next to the platform's {@code EventStore}: expiring 100,000 contracts in one
 * request means 100,000 streams. {@code EventStore.append} checks each stream's version with
 * its own query, so 100,000 appends cost 100,000 round trips. {@link ContractStreams} loads
 * the affected streams with one join and appends all their events with one INSERT whose rows
 * travel as column arrays ({@code unnest}), which measured several times faster than a JDBC batch. It
 * stays correct: the rows go into the platform's {@code events} table with the same columns,
 * logical type names (from the platform's {@code EventTypeRegistry}) and JSON codec, each at
 * version loaded + 1..n, so {@code UNIQUE(stream_id, version)} still refuses a concurrent
 * writer (the whole transaction rolls back as a {@code ConcurrencyConflictException}). Every
 * writer of an account's contracts also holds that account's lock, so such a conflict means a
 * bug, not a race. A per-account "contract book" stream was rejected: every single-contract
 * command would then load and snapshot a state with all of the account's contracts.
 * <p>
 * Read-model rows are written in the same transaction as the events (again as one statement
 * over column arrays), so they are never behind the streams they reflect.
 */
package com.brandclosure.contracts.persistence;
