package com.brandclosure.events;

/** Retraction of {@link CatalogsDeleted}. */
public record CatalogsPresent(String accountId, long catalogs, java.time.Instant asOf) implements CatalogEvent {
}
