/**
 * The closure's use cases, one class per thing a person or the system does (initiate, cancel,
 * review, look up, the lock-date timer firing). Invariants:
 * <ul>
 *   <li>The reconciler ({@link com.brandclosure.closure.application.Reconciliation}, its scheduled pass
 *       {@link com.brandclosure.closure.application.ReconciliationTimer}) decides nothing: it only publishes
 *       state-report requests through the accounts' outbox; the answers come back as summaries.</li>
 *   <li>Every command goes through {@link com.brandclosure.closure.application.ClosureSaga}, i.e. one
 *       unit of work of the platform's command runner: account lock, load, decide, append, publication,
 *       read model, timer, in one transaction; no own retry loop, no own load fold.</li>
 *   <li>The tenant check ({@code Actor.requireAccess}) is made by the people's use cases, before the
 *       unit of work starts; the sources' summaries and the timer are the system's and have none.</li>
 *   <li>{@code now} travels inside the commands, taken from the {@code CommandContext}.</li>
 *   <li>Nothing here depends on the web layer (ServiceArchitecture).</li>
 * </ul>
 */
package com.brandclosure.closure.application;
