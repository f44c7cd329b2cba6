package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureCommand.ApproveFinalReview;
import com.brandclosure.closure.domain.AccountClosureCommand.RejectFinalReview;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Role;
import org.springframework.stereotype.Service;

import java.util.List;

/** Support reviews a requested closure: approves the evidence of one version, or rejects it with reasons. */
@Service
public class FinalReview {

    private final ClosureSaga saga;

    public FinalReview(ClosureSaga saga) {
        this.saga = saga;
    }

    /**
     * Four-eyes: the approver must be a SUPPORT user (checked here, not only by the controller's
     * roles) and someone other than the initiator (the saga checks that against the initiation it
     * recorded).
     */
    public AccountClosureState approve(Actor actor, AccountId account, long versionSeen, CommandContext ctx) {
        actor.requireAccess(account.value());
        if (!actor.has(Role.SUPPORT)) {
            throw new ApproverNotSupport(actor.name());
        }
        return saga.decide(account, ctx, new ApproveFinalReview(actor.name(), versionSeen, ctx.now()));
    }

    public AccountClosureState reject(Actor actor, AccountId account, List<String> reasons, CommandContext ctx) {
        actor.requireAccess(account.value());
        return saga.decide(account, ctx, new RejectFinalReview(actor.name(), reasons, ctx.now()));
    }
}
