package com.brandclosure.catalog.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;

/** The states of a product catalog. */
public sealed interface CatalogState {

    CatalogState INITIAL = new NotCreated();

    record NotCreated() implements CatalogState {
    }

    record Live(String catalogId, String accountId, @Personal String name, Instant createdAt) implements CatalogState {
    }

    record Deleted(String catalogId, String accountId, @Personal String name, Instant createdAt, Instant deletedAt)
            implements CatalogState {
    }
}
