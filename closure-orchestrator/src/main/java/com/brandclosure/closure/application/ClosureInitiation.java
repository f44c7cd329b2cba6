package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureCommand.InitiateClosure;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

/**
 * A brand admin (or support on the brand's behalf) starts closing an account. The tenant check is
 * made here, where the command is handled: another brand's account does not exist for the actor (404).
 */
@Service
public class ClosureInitiation {

    private final ClosureSaga saga;

    public ClosureInitiation(ClosureSaga saga) {
        this.saga = saga;
    }

    public AccountClosureState initiate(Actor actor, AccountId account, String reason, CommandContext ctx) {
        actor.requireAccess(account.value());
        return saga.decide(account, ctx, new InitiateClosure(actor.name(), reason, ctx.now()));
    }
}
