package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The account summary ("contracts expired" precondition): re-evaluated at the end of every use case
 * that changes contracts, inside its unit of work, so ContractsExpired / ActiveContractsPresent is
 * published if and only if the change that caused it commits, and right after it in the outbox.
 */
@Component
public class AccountSummary {

    private final ContractView contracts;

    public AccountSummary(ContractView contracts) {
        this.contracts = contracts;
    }

    public void reconcile(Work work, String accountId, CommandContext ctx) {
        // The counts come from contract_view: the flush appends the contract events staged so far
        // and brings the view up to date (it leaves nothing staged for a later read either).
        work.flush();
        ContractView.Counts counts = contracts.counts(accountId);
        Streams.account(work, accountId).execute(new AccountCommand.Reconcile(counts.notExpired(),
                counts.pendingSwitches(), ctx.now()), ctx);
    }
}
