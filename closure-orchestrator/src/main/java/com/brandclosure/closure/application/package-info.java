/**
 * Use cases of the closure saga: load the stream, decide, then append the events, publish their
 * integration events (outbox), move the lock-date timer and update the read model, all in one
 * transaction whose first write is the append.
 */
package com.brandclosure.closure.application;
