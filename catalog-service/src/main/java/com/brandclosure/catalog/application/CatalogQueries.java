package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.domain.ProductCatalog;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.web.Paging;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads: one catalog from its stream, the list from the read model. The tenant check comes first. */
@Component
public record CatalogQueries(EventStore eventStore, CatalogView view) {

    public CatalogState get(Actor actor, AccountId account, String catalogId) {
        actor.requireAccess(account.value());
        CatalogState state = eventStore.loadState(CatalogStreams.catalogStream(catalogId), ProductCatalog.DECIDER
                .initialState(), ProductCatalog::evolve).state();
        CatalogStreams.requireOwned(state, account, catalogId);
        return state;
    }

    /** The rows of one page of the account's catalogs ({@link Paging.Request#fetch()} at most). */
    public List<CatalogView.Row> list(Actor actor, AccountId account, boolean includeDeleted, Paging.Request page) {
        actor.requireAccess(account.value());
        return view.list(account.value(), includeDeleted, page);
    }
}
