package com.brandclosure.simulation;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.domain.AccountEvent;
import com.brandclosure.catalog.domain.AccountState;
import com.brandclosure.catalog.domain.CatalogAccount;
import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.domain.ProductCatalog;
import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.kernel.DomainException;

import java.time.LocalDate;

/** catalog-service's application layer (CatalogCommands, Fencing, StateReport) over its deciders. */
final class CatalogGlue {

    static final String SERVICE = "catalog-service";
    static final String CATALOG = "catalog-cat";

    private final World world;

    CatalogGlue(World world) {
        this.world = world;
    }

    Unit.Handle<AccountCommand, AccountState, AccountEvent> account(Unit u, String account) {
        return u.load(account, "catalog-account-" + account, CatalogAccount.decider(account));
    }

    long live(Unit u, String account) {
        return u.<CatalogState>states(account, CATALOG).values().stream()
                .filter(s -> s instanceof CatalogState.Live).count();
    }

    /** CatalogCommands.changing: the change, then the precondition from the live count in the same unit. */
    private void reconcile(Unit u, String account) {
        account(u, account).execute(new AccountCommand.Reconcile(live(u, account), u.now));
    }

    void create(Unit u, String account) {
        CatalogAccount.requireOpen(account(u, account).state());
        String id = world.nextId("cat");
        u.load(account, "catalog-" + id, ProductCatalog.DECIDER)
                .execute(new CatalogCommand.CreateCatalog(id, account, "catalog " + id, u.now));
        reconcile(u, account);
    }

    void delete(Unit u, String account, String streamId) {
        var catalog = u.load(account, streamId, ProductCatalog.DECIDER);
        if (catalog.isNew()) {
            throw new DomainException.NotFound("catalog not found");
        }
        catalog.execute(new CatalogCommand.DeleteCatalog(u.now));
        reconcile(u, account);
    }

    void deactivate(Unit u, String account, LocalDate closureDate) {
        account(u, account).execute(new AccountCommand.Deactivate(account, closureDate, u.now));
        reconcile(u, account);
    }

    void fence(Unit u, String account, String closureId, LocalDate closureDate) {
        boolean alreadyFenced = account(u, account).state().deactivated();
        deactivate(u, account, closureDate);
        if (!alreadyFenced) {
            u.publish(Topics.CATALOG, new AccountFenced(account, closureId, SERVICE, u.now));
        }
    }

    void report(Unit u, String account, String closureId) {
        account(u, account).execute(new AccountCommand.ReportState(live(u, account), closureId, u.now));
    }
}
