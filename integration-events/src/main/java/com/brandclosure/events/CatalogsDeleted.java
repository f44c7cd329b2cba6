package com.brandclosure.events;

/** Summary: the account has no catalog left. */
public record CatalogsDeleted(String accountId, java.time.Instant asOf) implements CatalogEvent {
}
