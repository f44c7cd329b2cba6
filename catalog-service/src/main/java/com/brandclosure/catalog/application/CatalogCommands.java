package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.domain.CatalogAccount;
import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * Everything that changes an account's catalogs: a brand admin (or support) creates or deletes a
 * catalog, and AccountDeactivated fences the account. Each is one unit of work on the account that
 * ends with the account's "catalogs deleted" precondition re-evaluated from the read model (see
 * {@link #changing}).
 */
@Component
public record CatalogCommands(CommandRunner runner, CatalogView view) {

    /** A new catalog; refused once the account is deactivated. */
    public CatalogState create(Actor actor, AccountId account, String name, CommandContext ctx) {
        actor.requireAccess(account.value());
        return changing(account, ctx, work -> {
            CatalogAccount.requireOpen(CatalogStreams.account(work, account).state());
            String catalogId = ctx.ids().get().toString();
            var catalog = CatalogStreams.catalog(work, account, catalogId);
            catalog.execute(new CatalogCommand.CreateCatalog(catalogId, account.value(), name, ctx.now()), ctx);
            return catalog.state();
        });
    }

    /**
     * Deletes a catalog; deleting an already-deleted one is refused with 409 (see ProductCatalog).
     * Deleting stays allowed after deactivation.
     */
    public CatalogState delete(Actor actor, AccountId account, String catalogId, CommandContext ctx) {
        actor.requireAccess(account.value());
        return changing(account, ctx, work -> {
            var catalog = CatalogStreams.owned(work, account, catalogId);
            catalog.execute(new CatalogCommand.DeleteCatalog(ctx.now()), ctx);
            return catalog.state();
        });
    }

    /**
     * AccountDeactivated fences the account: no new catalog from then on. An account never seen
     * here gets its summary now, so the saga hears about it.
     */
    public void deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        changing(account, ctx, work -> CatalogStreams.account(work, account)
                .execute(new AccountCommand.Deactivate(account.value(), closureDate, ctx.now()), ctx));
    }

    /**
     * The one shape of a catalog change: {@code change} in the account's unit of work, then the
     * precondition re-evaluated in the same unit (flushing first makes the read model include the
     * change).
     */
    private <T> T changing(AccountId account, CommandContext ctx, Function<Work, T> change) {
        return runner.inAccount(account.value(), work -> {
            T result = change.apply(work);
            work.flush();
            CatalogStreams.account(work, account)
                    .execute(new AccountCommand.Reconcile(view.live(account.value()), ctx.now()), ctx);
            return result;
        });
    }
}
