package com.brandclosure.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to the account in the catalog context. */
public sealed interface AccountEvent {

    record AccountFenced(String accountId, LocalDate closureDate, Instant fencedAt) implements AccountEvent {
    }

    record CatalogsPreconditionMet(Instant asOf) implements AccountEvent {
    }

    record CatalogsPreconditionRetracted(long liveCatalogs, Instant asOf) implements AccountEvent {
    }
}
