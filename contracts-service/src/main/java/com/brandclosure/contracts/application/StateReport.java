package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

/**
 * The closure saga asked for this service's word on an account: the account stream announces its
 * current summary (ContractsExpired / ActiveContractsPresent with {@code reportFor}), also when it
 * did not flip and for an account never seen (no contracts: expired). Appended to the account stream
 * like every summary, so its {@code sourceVersion} is the next one.
 */
@Service
public class StateReport implements ClosureRequests.Report {

    private final ContractView contracts;

    public StateReport(ContractView contracts) {
        this.contracts = contracts;
    }

    @Override
    public void report(Work work, String accountId, String closureId, CommandContext ctx) {
        ContractView.Counts counts = contracts.counts(accountId);
        Streams.account(work, accountId).execute(new AccountCommand.ReportState(counts.notExpired(),
                counts.pendingSwitches(), closureId, ctx.now()), ctx);
    }
}
