package com.brandclosure.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to the account in the catalog context. */
public sealed interface AccountEvent {

    record AccountFenced(String accountId, LocalDate closureDate, Instant fencedAt) implements AccountEvent {
    }

    /** {@code reportFor}: the closure whose state report this answers; null when the precondition flipped. */
    record CatalogsPreconditionMet(Instant asOf, String reportFor) implements AccountEvent {
        public CatalogsPreconditionMet(Instant asOf) {
            this(asOf, null);
        }
    }

    record CatalogsPreconditionRetracted(long liveCatalogs, Instant asOf, String reportFor) implements AccountEvent {
        public CatalogsPreconditionRetracted(long liveCatalogs, Instant asOf) {
            this(liveCatalogs, asOf, null);
        }
    }
}
