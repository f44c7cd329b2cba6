package com.brandclosure.events;

/**
 * Retraction of {@link CatalogsDeleted}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record CatalogsPresent(String accountId, long catalogs, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, CatalogEvent {
}
