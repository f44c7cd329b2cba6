package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.CatalogAccount;
import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Component;

/** A brand admin (or support) creates a catalog; refused once the account is deactivated. */
@Component
public class CatalogCreation {

    private final CommandRunner runner;
    private final CatalogsSummary summary;

    public CatalogCreation(CommandRunner runner, CatalogsSummary summary) {
        this.runner = runner;
        this.summary = summary;
    }

    public CatalogState create(Actor actor, AccountId account, String name, CommandContext ctx) {
        actor.requireAccess(account.value());
        return runner.inAccount(account.value(), work -> {
            CatalogAccount.requireOpen(CatalogStreams.account(work, account).state());
            String catalogId = ctx.ids().get().toString();
            var catalog = CatalogStreams.catalog(work, account, catalogId);
            catalog.execute(new CatalogCommand.CreateCatalog(catalogId, account.value(), name, ctx.now()), ctx);
            summary.reconcile(work, account, ctx);
            return catalog.state();
        });
    }
}
