package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * AccountDeactivated: fence the account (no new contracts, switches or links), expire whatever is
 * still active and withdraw every pending switch, in one unit of work (the consumer's, when called
 * from a poll).
 */
@Service
public class Deactivation {

    private final CommandRunner runner;
    private final ContractView contractView;
    private final AccountSummary summary;

    public Deactivation(CommandRunner runner, ContractView contractView, AccountSummary summary) {
        this.runner = runner;
        this.contractView = contractView;
        this.summary = summary;
    }

    public void apply(String accountId, LocalDate closureDate, CommandContext ctx) {
        runner.runInAccount(accountId, work -> {
            Streams.account(work, accountId).execute(new AccountCommand.Deactivate(accountId, closureDate,
                    ctx.now()), ctx);
            var command = new ContractCommand.ExpireOnDeactivation(ctx.now());
            for (var contract : Streams.contracts(work, accountId, contractView.openStreams(accountId, null))) {
                contract.execute(command, ctx);
            }
            summary.reconcile(work, accountId, ctx);
        });
    }
}
