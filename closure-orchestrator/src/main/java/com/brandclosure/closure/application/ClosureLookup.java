package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

/** Someone looks at one closure with its evidence. */
@Service
public class ClosureLookup {

    private final ClosureSaga saga;

    public ClosureLookup(ClosureSaga saga) {
        this.saga = saga;
    }

    /** The closure as {@code actor} may see it, or 404 if it never had one initiated or is not the actor's. */
    public AccountClosureState get(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        AccountClosureState state = saga.load(account);
        if (state instanceof AccountClosureState.NotInitiated) {
            throw new DomainException.NotFound("account " + account + " has no closure");
        }
        return state;
    }
}
