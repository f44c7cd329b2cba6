package com.brandclosure.catalog.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;

/** What happened to one product catalog. */
public sealed interface CatalogEvent {

    record CatalogCreated(String catalogId, String accountId, @Personal String name, Instant createdAt) implements CatalogEvent {
    }

    record CatalogDeleted(Instant deletedAt) implements CatalogEvent {
    }
}
