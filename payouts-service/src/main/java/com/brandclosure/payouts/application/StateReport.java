package com.brandclosure.payouts.application;

import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

/**
 * The closure saga asked for this service's word on an account: the summary stream announces
 * PayoutsSettled / PayoutsPending from the current figures with {@code reportFor}, also when it did
 * not cross and for an account never seen (no actions: settled, lock date from the known contract ends).
 */
@Service
public class StateReport {

    private final CommandRunner runner;
    private final AccountSummary summary;

    public StateReport(CommandRunner runner, AccountSummary summary) {
        this.runner = runner;
        this.summary = summary;
    }

    public void report(AccountId account, String closureId, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> summary.report(work, account.value(), closureId, ctx));
    }
}
