package com.brandclosure.events;

/**
 * The orchestrator asks each of the four source services for its current summary of the account:
 * when a closure is initiated ({@code reason} {@code INITIATION}), when a new review is asked for
 * ({@code REVIEW_REQUESTED}) and when its reconciler checks a closure in flight ({@code RECONCILIATION},
 * with {@code closureId} the closure's id followed by {@code :reconciliation}, so that the answers are told
 * apart). Each service answers on its own topic with its summary event carrying
 * {@code reportFor} = {@code closureId}, also for an account it has never seen (no contracts: expired;
 * no actions: settled; no funding account: nothing owed; no catalogs: deleted), whatever the reason (a
 * service does not read it). {@code asOf}: when it was asked.
 */
public record StateReportRequested(String accountId, String closureId, String reason, java.time.Instant asOf)
        implements ClosureEvent {

    public static final String INITIATION = "INITIATION";
    public static final String REVIEW_REQUESTED = "REVIEW_REQUESTED";
    public static final String RECONCILIATION = "RECONCILIATION";
}
