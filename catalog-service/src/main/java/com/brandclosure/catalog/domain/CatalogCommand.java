package com.brandclosure.catalog.domain;

import java.time.Instant;

/** What may be asked of one product catalog; time and ids come in with the command. */
public sealed interface CatalogCommand {

    record CreateCatalog(String catalogId, String accountId, String name, Instant at) implements CatalogCommand {
    }

    record DeleteCatalog(Instant at) implements CatalogCommand {
    }
}
