package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** AccountDeactivated fences the account: no new catalog from then on. */
@Component
public class AccountDeactivation {

    private final CommandRunner runner;
    private final CatalogsSummary summary;

    public AccountDeactivation(CommandRunner runner, CatalogsSummary summary) {
        this.runner = runner;
        this.summary = summary;
    }

    public void deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> {
            CatalogStreams.account(work, account)
                    .execute(new AccountCommand.Deactivate(account.value(), closureDate, ctx.now()), ctx);
            // An account never seen here gets its summary now, so the saga hears about it.
            summary.reconcile(work, account, ctx);
        });
    }
}
