package com.brandclosure.catalog.domain;

import java.time.Instant;

/** What happened to one product catalog. */
public sealed interface CatalogEvent {

    record CatalogCreated(String catalogId, String accountId, String name, Instant createdAt) implements CatalogEvent {
    }

    record CatalogDeleted(Instant deletedAt) implements CatalogEvent {
    }
}
