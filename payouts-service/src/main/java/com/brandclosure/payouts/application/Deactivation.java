package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * The account was deactivated: remember the closure date (so late arrivals are rejected too) and
 * reject every action dated on or after it that is not locked yet, in one unit of work.
 */
@Service
public class Deactivation {

    private final CommandRunner runner;
    private final PayoutsStore db;
    private final AccountSummary summary;

    public Deactivation(CommandRunner runner, PayoutsStore db, AccountSummary summary) {
        this.runner = runner;
        this.db = db;
        this.summary = summary;
    }

    /** Returns how many actions were rejected. The first closure date seen stays the account's. */
    public int deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        return runner.inAccount(account.value(), work -> {
            db.saveClosureDate(account, closureDate);
            LocalDate effective = db.account(account).orElseThrow().closureDate();
            var ids = db.actionIdsInState(account.value(), List.of("PENDING", "APPROVED", "REVERSED"), "event_date",
                    ">=", effective);
            ChangedActions changes = new ChangedActions();
            int rejected = changes.executeOnEach(work, account.value(), ids,
                    new ActionCommand.RejectForClosure(effective), ctx);
            summary.settle(work, changes, ctx);
            return rejected;
        });
    }
}
