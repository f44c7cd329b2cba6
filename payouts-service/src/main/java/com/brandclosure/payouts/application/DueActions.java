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
 * What the lock and clearing timers do: lock an account's approved actions whose lock date has come,
 * clear its locked actions whose clearing date has come, all of one account in one unit of work. The
 * read model names the candidates; their streams decide (so a timer firing twice changes nothing).
 */
@Service
public class DueActions {

    private final CommandRunner runner;
    private final PayoutsStore db;
    private final AccountSummary summary;

    public DueActions(CommandRunner runner, PayoutsStore db, AccountSummary summary) {
        this.runner = runner;
        this.db = db;
        this.summary = summary;
    }

    /** Locks the account's approved actions whose lock date is on or before {@code date}; returns how many. */
    public int lock(AccountId account, LocalDate date, CommandContext ctx) {
        return onDue(account, "APPROVED", "lock_date", date, new ActionCommand.LockAction(date), ctx);
    }

    /** Clears the account's locked actions whose clearing date is on or before {@code date}; returns how many. */
    public int clear(AccountId account, LocalDate date, CommandContext ctx) {
        return onDue(account, "LOCKED", "clearing_date", date, new ActionCommand.ClearAction(date), ctx);
    }

    private int onDue(AccountId account, String state, String column, LocalDate date, ActionCommand command,
                      CommandContext ctx) {
        return runner.inAccount(account.value(), work -> {
            var ids = db.actionIdsInState(account.value(), List.of(state), column, "<=", date);
            ChangedActions changes = new ChangedActions();
            int changed = changes.executeOnEach(work, account.value(), ids, command, ctx);
            summary.settle(work, changes, ctx);
            return changed;
        });
    }
}
