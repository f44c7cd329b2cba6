package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates the account's "catalogs deleted" precondition from the read model, inside the unit of
 * work that changed a catalog: flushing first makes the read model include that change.
 */
@Component
public class CatalogsSummary {

    private final CatalogView view;

    public CatalogsSummary(CatalogView view) {
        this.view = view;
    }

    void reconcile(Work work, AccountId account, CommandContext ctx) {
        work.flush();
        CatalogStreams.account(work, account).execute(new AccountCommand.Reconcile(view.live(account.value()), ctx.now()),
                ctx);
    }
}
