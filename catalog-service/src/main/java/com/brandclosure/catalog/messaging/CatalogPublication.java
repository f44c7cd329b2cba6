package com.brandclosure.catalog.messaging;

import com.brandclosure.catalog.domain.AccountEvent;
import com.brandclosure.catalog.domain.CatalogEvent;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.events.CatalogCreated;
import com.brandclosure.events.CatalogDeleted;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.CatalogsPresent;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.command.Appended;

import java.util.List;

/**
 * The public shape of catalog-service's stored events on {@code catalog.events}. The fence stays internal.
 * The summaries live in the account stream; their stored version is published as {@code sourceVersion}.
 */
public final class CatalogPublication {

    private CatalogPublication() {
    }

    /** The integration events that announce {@code appended} (none for what stays internal). */
    public static List<IntegrationEvent> announce(Appended appended) {
        return switch (appended.event()) {
            case CatalogEvent.CatalogCreated c -> List.of(new CatalogCreated(c.accountId(), c.catalogId(), c.name()));
            case CatalogEvent.CatalogDeleted d -> {
                CatalogState.Deleted deleted = appended.state();
                yield List.of(new CatalogDeleted(deleted.accountId(), deleted.catalogId()));
            }
            case AccountEvent.CatalogsPreconditionMet m ->
                    List.of(new CatalogsDeleted(appended.accountId(), m.asOf(), appended.version(), m.reportFor()));
            case AccountEvent.CatalogsPreconditionRetracted r ->
                    List.of(new CatalogsPresent(appended.accountId(), r.liveCatalogs(), r.asOf(),
                            appended.version(), r.reportFor()));
            case AccountEvent.AccountFenced f -> List.of();
            default -> throw new IllegalStateException("no public shape for " + appended.event().getClass().getName());
        };
    }
}
