package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureCommand.CancelClosure;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

/** The brand stops closing its account, any time before deactivation; tenant-checked here (404 otherwise). */
@Service
public class ClosureCancellation {

    private final ClosureSaga saga;

    public ClosureCancellation(ClosureSaga saga) {
        this.saga = saga;
    }

    public AccountClosureState cancel(Actor actor, AccountId account, String reason, CommandContext ctx) {
        actor.requireAccess(account.value());
        return saga.decide(account, ctx, new CancelClosure(actor.name(), reason, ctx.now()));
    }
}
