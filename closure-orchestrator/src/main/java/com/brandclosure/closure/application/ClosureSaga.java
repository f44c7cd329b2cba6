package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.ops.ClosureMetrics;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one step every use case of the closure takes: decide a command on the account's saga in a
 * unit of work of the command runner (which locks the account, appends, publishes through
 * {@code ClosurePublications} and updates {@code ClosureProjection}), and let the lock-date timer
 * and the metrics follow what was decided. Called inside a running unit (a consumer's poll), it
 * joins that unit.
 */
@Component
public class ClosureSaga {

    private final CommandRunner runner;
    private final EventStore eventStore;
    private final ClosureMetrics metrics;

    public ClosureSaga(CommandRunner runner, EventStore eventStore, ClosureMetrics metrics) {
        this.runner = runner;
        this.eventStore = eventStore;
        this.metrics = metrics;
    }

    public static String streamId(AccountId account) {
        return "closure-" + account.value();
    }

    /** Decides {@code command} on the closure of {@code account}; returns the state after it. */
    public AccountClosureState decide(AccountId account, CommandContext ctx, AccountClosureCommand command) {
        return runner.inAccount(account.value(), work -> decide(work, account, ctx, command));
    }

    private AccountClosureState decide(Work work, AccountId account, CommandContext ctx,
                                       AccountClosureCommand command) {
        var saga = work.load(account.value(), streamId(account), AccountClosure.decider(account));
        AccountClosureState before = saga.state();
        List<AccountClosureEvent> decided = saga.execute(command, ctx);
        if (!decided.isEmpty()) {
            LockDateTimer.follow(work, account, before, saga.state());
            metrics.recordAfterCommit(work, before, decided);
        }
        return saga.state();
    }

    /** The closure as stored now (outside any unit of work: a read). */
    public AccountClosureState load(AccountId account) {
        return eventStore.loadState(streamId(account), AccountClosure.initial(account), AccountClosure::evolve)
                .state();
    }
}
