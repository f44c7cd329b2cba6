package com.brandclosure.events;

/**
 * Retraction of {@link CatalogsDeleted}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record CatalogsPresent(String accountId, long catalogs, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, CatalogEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public CatalogsPresent(String accountId, long catalogs, java.time.Instant asOf, long sourceVersion) {
        this(accountId, catalogs, asOf, sourceVersion, null);
    }
}
