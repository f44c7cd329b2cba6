/**
 * The account closure saga as a pure decider: {@link com.brandclosure.closure.domain.AccountClosure#decide}
 * turns a command and the current state into events, {@link com.brandclosure.closure.domain.AccountClosure#evolve}
 * folds an event into the state, and {@link com.brandclosure.closure.domain.AccountClosure#decider} offers both
 * as the platform's {@code kernel.Decider} of one account. Invariants:
 * <ul>
 *   <li>Nothing here reads a clock or makes an id: time comes with each command, and the only
 *       id the saga makes (the review ticket) is derived from the account's history.</li>
 *   <li>The latest fact per precondition wins, by the source's own version ({@link com.brandclosure.closure.domain.SourceEvent}),
 *       whatever the arrival order, partition, offset or occurredAt; facts are kept before a closure is initiated.
 *       A reconciliation's answer is taken only when it contradicts the saga's fact ({@link com.brandclosure.closure.domain.Drift}),
 *       after the {@code DriftDetected} it makes; one that agrees records nothing.</li>
 *   <li>No command leaves the deactivated states; commands from Kafka and timers never throw
 *       for a state that does not fit them (they become no-ops), commands from people do.</li>
 *   <li>Depends on nothing but {@code java.*} and {@code com.brandclosure.platform.kernel} (ServiceArchitecture).</li>
 * </ul>
 */
package com.brandclosure.closure.domain;
