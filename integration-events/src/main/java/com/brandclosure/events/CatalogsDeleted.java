package com.brandclosure.events;

/**
 * Summary: the account has no catalog left.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record CatalogsDeleted(String accountId, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, CatalogEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public CatalogsDeleted(String accountId, java.time.Instant asOf, long sourceVersion) {
        this(accountId, asOf, sourceVersion, null);
    }
}
