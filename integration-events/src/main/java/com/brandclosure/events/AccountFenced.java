package com.brandclosure.events;

/**
 * A source service's answer to {@link FinalReviewApproved}: from {@code fencedAt} on it refuses new
 * activity of {@code accountId} (each service its own: contracts, actions, deposits, catalogs).
 * {@code closureId} is the approved review's ticket id ({@link FinalReviewApproved#ticketId()}), which is the
 * closure's one id (also its state reports' {@code reportFor}; per-review ids only in closures initiated before);
 * {@code service} the fencing service's name. Every source publishes it on its own topic; the saga
 * deactivates the account once all four have.
 */
public record AccountFenced(String accountId, String closureId, String service, java.time.Instant fencedAt)
        implements ContractsEvent, PayoutsEvent, FundingEvent, CatalogEvent {
}
