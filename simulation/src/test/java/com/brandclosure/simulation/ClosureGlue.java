package com.brandclosure.simulation;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.TimerIds;

/** closure-orchestrator's application layer (ClosureSaga, LockDateTimer) over the saga's decider. */
final class ClosureGlue {

    static final String SERVICE = "closure-orchestrator";
    static final String LOCK_DATE_TIMER = "closure-lock-date";

    static String streamId(String account) {
        return "closure-" + account;
    }

    Unit.Handle<AccountClosureCommand, AccountClosureState, AccountClosureEvent> saga(Unit u, String account) {
        return u.load(account, streamId(account), AccountClosure.decider(AccountId.of(account)));
    }

    /** ClosureSaga.decide: the command on the saga, and the lock-date timer following the state. */
    AccountClosureState decide(Unit u, String account, AccountClosureCommand command) {
        var saga = saga(u, account);
        AccountClosureState before = saga.state();
        var decided = saga.execute(command);
        if (!decided.isEmpty()) {
            follow(u, account, before, saga.state());
        }
        return saga.state();
    }

    /** LockDateTimer.follow: one timer instance per schedule version; the old one goes when the wait ends or moves. */
    private void follow(Unit u, String account, AccountClosureState before, AccountClosureState after) {
        long wasWaitingFor = AccountClosure.lockDateWait(before).map(AccountClosure.LockDateWait::scheduleVersion).orElse(0L);
        var wait = AccountClosure.lockDateWait(after);
        long waitsFor = wait.map(AccountClosure.LockDateWait::scheduleVersion).orElse(0L);
        if (wasWaitingFor == waitsFor) {
            return;
        }
        if (wasWaitingFor != 0) {
            u.cancel(LOCK_DATE_TIMER, TimerIds.of(account, String.valueOf(wasWaitingFor)));
        }
        if (wait.isPresent()) {
            u.schedule(LOCK_DATE_TIMER, TimerIds.of(account, String.valueOf(waitsFor)), wait.get().fireAt(),
                    String.valueOf(waitsFor));
        }
    }

    void lockDateTimer(Unit u, String account, String data) {
        decide(u, account, new AccountClosureCommand.FireLockDateTimer(Long.parseLong(data), u.now));
    }
}
