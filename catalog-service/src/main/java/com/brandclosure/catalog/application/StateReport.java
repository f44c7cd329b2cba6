package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.command.CommandRunner;
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
public class StateReport {

    private final CommandRunner runner;
    private final CatalogView view;

    public StateReport(CommandRunner runner, CatalogView view) {
        this.runner = runner;
        this.view = view;
    }

    public void report(AccountId account, String closureId, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> CatalogStreams.account(work, account)
                .execute(new AccountCommand.ReportState(view.live(account.value()), closureId, ctx.now()), ctx));
    }
}
