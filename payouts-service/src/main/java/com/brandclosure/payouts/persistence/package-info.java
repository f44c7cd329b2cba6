/**
 * Read models of payouts-service in plain SQL. Every write here runs inside the transaction
 * that appended the events it reflects; the rows double as the state loader for batch
 * commands, guarded by the event store's expected-version check.
 */
package com.brandclosure.payouts.persistence;
