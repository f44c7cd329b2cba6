package com.brandclosure.catalog.web;

import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.persistence.CatalogView;

import java.time.Instant;

/** Response bodies of catalog-service's API. */
public final class Responses {

    private Responses() {
    }

    public record Catalog(String catalogId, String accountId, String name, String status, Instant createdAt,
                          Instant deletedAt) {
        static Catalog of(CatalogState state) {
            return switch (state) {
                case CatalogState.Live l -> new Catalog(l.catalogId(), l.accountId(), l.name(), "LIVE", l.createdAt(), null);
                case CatalogState.Deleted d -> new Catalog(d.catalogId(), d.accountId(), d.name(), "DELETED",
                        d.createdAt(), d.deletedAt());
                case CatalogState.NotCreated n -> throw new IllegalStateException("not created");
            };
        }

        static Catalog of(CatalogView.Row r) {
            return new Catalog(r.catalogId(), r.accountId(), r.name(), r.status(), r.createdAt(), r.deletedAt());
        }
    }
}
