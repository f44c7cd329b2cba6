/**
 * Use cases: lock the account, load, decide, append events + read models + outbox in one
 * transaction, then re-evaluate the account summary in that same transaction, so a summary
 * event is published if and only if the change that caused it commits, and in order after it.
 */
package com.brandclosure.contracts.application;
