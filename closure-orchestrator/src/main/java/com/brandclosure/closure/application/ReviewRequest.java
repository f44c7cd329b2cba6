package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureCommand.RequestReview;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

/**
 * After a rejected review, the brand admin (or support on the brand's behalf) asks for a new one;
 * the saga asks the four sources for fresh state reports. Tenant-checked here (404 otherwise).
 */
@Service
public class ReviewRequest {

    private final ClosureSaga saga;

    public ReviewRequest(ClosureSaga saga) {
        this.saga = saga;
    }

    public AccountClosureState request(Actor actor, AccountId account, CommandContext ctx) {
        actor.requireAccess(account.value());
        return saga.decide(account, ctx, new RequestReview(actor.name(), ctx.now()));
    }
}
