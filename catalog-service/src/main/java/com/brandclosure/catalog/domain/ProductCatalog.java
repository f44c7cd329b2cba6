package com.brandclosure.catalog.domain;

import com.brandclosure.catalog.domain.CatalogCommand.CreateCatalog;
import com.brandclosure.catalog.domain.CatalogCommand.DeleteCatalog;
import com.brandclosure.catalog.domain.CatalogEvent.CatalogCreated;
import com.brandclosure.catalog.domain.CatalogEvent.CatalogDeleted;
import com.brandclosure.catalog.domain.CatalogState.Deleted;
import com.brandclosure.catalog.domain.CatalogState.Live;
import com.brandclosure.catalog.domain.CatalogState.NotCreated;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.util.List;

/** The ProductCatalog decider. The deactivation fence is checked by {@link CatalogAccount} first. */
public final class ProductCatalog {

    /** The decider the command runner folds catalog streams with. */
    public static final Decider<CatalogCommand, CatalogState, CatalogEvent> DECIDER =
            Decider.of(CatalogState.INITIAL, ProductCatalog::decide, ProductCatalog::evolve);

    private ProductCatalog() {
    }

    public static List<CatalogEvent> decide(CatalogCommand command, CatalogState state) {
        return switch (command) {
            case CreateCatalog c -> {
                if (!(state instanceof NotCreated)) {
                    throw new DomainException.Conflict("catalog " + c.catalogId() + " already exists");
                }
                yield List.of(new CatalogCreated(c.catalogId(), c.accountId(), c.name(), c.at()));
            }
            case DeleteCatalog c -> switch (state) {
                case NotCreated n -> throw new DomainException.NotFound("catalog not found");
                // Deleting twice is refused rather than silently accepted: the caller learns that
                // (and when) it was already deleted, and nothing is published a second time.
                case Deleted d -> throw new DomainException.Conflict("catalog " + d.catalogId()
                        + " was already deleted at " + d.deletedAt());
                case Live l -> List.of(new CatalogDeleted(c.at()));
            };
        };
    }

    public static CatalogState evolve(CatalogState state, CatalogEvent event) {
        return switch (event) {
            case CatalogCreated e -> new Live(e.catalogId(), e.accountId(), e.name(), e.createdAt());
            case CatalogDeleted e -> {
                if (!(state instanceof Live l)) {
                    throw new IllegalStateException("only a live catalog can be deleted, state was " + state);
                }
                yield new Deleted(l.catalogId(), l.accountId(), l.name(), l.createdAt(), e.deletedAt());
            }
        };
    }
}
