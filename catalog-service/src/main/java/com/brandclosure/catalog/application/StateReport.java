package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

/**
 * The closure saga asked for this service's word on an account: the account stream announces its
 * current summary (CatalogsDeleted / CatalogsPresent with {@code reportFor}), also when it did not
 * flip and for an account never seen (no catalogs: deleted). Appended to the account stream like
 * every summary, so its {@code sourceVersion} is the next one.
 */
@Service
public class StateReport implements ClosureRequests.Report {

    private final CatalogView view;

    public StateReport(CatalogView view) {
        this.view = view;
    }

    @Override
    public void report(Work work, String accountId, String closureId, CommandContext ctx) {
        CatalogStreams.account(work, AccountId.of(accountId))
                .execute(new AccountCommand.ReportState(view.live(accountId), closureId, ctx.now()), ctx);
    }
}
