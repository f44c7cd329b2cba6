package com.brandclosure.events;

/**
 * Summary: the account has no catalog left.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record CatalogsDeleted(String accountId, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, CatalogEvent {
}
