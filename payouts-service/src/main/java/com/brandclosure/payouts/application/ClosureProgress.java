package com.brandclosure.payouts.application;

import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * Whether the account is closing, as the closure saga says: from ClosureRequested (the support review
 * is open) a reversed action is no longer restored; ClosureCancelled lifts that. A rejected or
 * withdrawn review does not: the closure goes on, and the next request finds the account closing still.
 */
@Service
public class ClosureProgress {

    private final CommandRunner runner;
    private final PayoutsStore db;

    public ClosureProgress(CommandRunner runner, PayoutsStore db) {
        this.runner = runner;
        this.db = db;
    }

    public void requested(AccountId account, Instant at) {
        runner.runInAccount(account.value(), work -> db.saveClosureRequested(account, at));
    }

    public void cancelled(AccountId account) {
        runner.runInAccount(account.value(), work -> db.clearClosureRequested(account));
    }
}
