package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.domain.AccountEvent;
import com.brandclosure.catalog.domain.AccountState;
import com.brandclosure.catalog.domain.CatalogAccount;
import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogEvent;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.domain.ProductCatalog;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;

/** The two kinds of stream of this service, and the one ownership rule: another account's catalog is not found. */
final class CatalogStreams {

    private CatalogStreams() {
    }

    static String catalogStream(String catalogId) {
        return "catalog-" + catalogId;
    }

    static String accountStream(AccountId account) {
        return "catalog-account-" + account.value();
    }

    static Stream<AccountCommand, AccountState, AccountEvent> account(Work work, AccountId account) {
        return work.load(account.value(), accountStream(account), CatalogAccount.decider(account.value()));
    }

    static Stream<CatalogCommand, CatalogState, CatalogEvent> catalog(Work work, AccountId account, String catalogId) {
        return work.load(account.value(), catalogStream(catalogId), ProductCatalog.DECIDER);
    }

    /** The catalog if it belongs to {@code account}; 404 otherwise (also for another brand's catalog). */
    static Stream<CatalogCommand, CatalogState, CatalogEvent> owned(Work work, AccountId account, String catalogId) {
        var stream = catalog(work, account, catalogId);
        requireOwned(stream.state(), account, catalogId);
        return stream;
    }

    static void requireOwned(CatalogState state, AccountId account, String catalogId) {
        String owner = switch (state) {
            case CatalogState.Live l -> l.accountId();
            case CatalogState.Deleted d -> d.accountId();
            case CatalogState.NotCreated n -> null;
        };
        if (!account.value().equals(owner)) {
            throw new DomainException.NotFound("catalog " + catalogId + " not found in account " + account);
        }
    }
}
