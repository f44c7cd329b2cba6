package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Component;

/**
 * A catalog is deleted; deleting an already-deleted one is refused with 409 (see ProductCatalog).
 * Deleting stays allowed after deactivation.
 */
@Component
public class CatalogDeletion {

    private final CommandRunner runner;
    private final CatalogsSummary summary;

    public CatalogDeletion(CommandRunner runner, CatalogsSummary summary) {
        this.runner = runner;
        this.summary = summary;
    }

    public CatalogState delete(Actor actor, AccountId account, String catalogId, CommandContext ctx) {
        actor.requireAccess(account.value());
        return runner.inAccount(account.value(), work -> {
            var catalog = CatalogStreams.owned(work, account, catalogId);
            catalog.execute(new CatalogCommand.DeleteCatalog(ctx.now()), ctx);
            summary.reconcile(work, account, ctx);
            return catalog.state();
        });
    }
}
