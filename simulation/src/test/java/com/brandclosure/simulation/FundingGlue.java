package com.brandclosure.simulation;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.domain.FundingAccount;
import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingFence;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.domain.Payments;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.timers.TimerIds;

import java.time.Instant;
import java.util.List;

/** funding-service's application layer (FundingAccounts, PaymentsDueTimer, Fencing) over its deciders. */
final class FundingGlue {

    static final String SERVICE = "funding-service";
    static final String DUE_TIMER = "funding-due";

    private final World world;

    FundingGlue(World world) {
        this.world = world;
    }

    static String streamId(String account) {
        return "funding:" + account;
    }

    private Unit.Handle<FundingCommand, FundingState, FundingAccountEvent> stream(Unit u, String account) {
        return u.load(account, streamId(account), FundingAccount.DECIDER);
    }

    private Unit.Handle<FundingFence.Raise, FundingFence.State, FundingFence.Event> fence(Unit u, String account) {
        return u.load(account, FundingFence.streamId(account), FundingFence.DECIDER);
    }

    /** FundingAccounts.execute: one command (the web's or a timer's), then the account's review timers. */
    FundingState execute(Unit u, String account, FundingCommand command) {
        if (command instanceof FundingCommand.OpenAccount) {
            FundingFence.requireOpen(fence(u, account).state(), account);
        }
        var s = stream(u, account);
        var events = s.execute(command);
        scheduleReviews(u, account, s.state(), events);
        return s.state();
    }

    /** FundingAccounts.executeEach: consumed events' commands, each decided once, one summary; refusals skipped. */
    void executeEach(Unit u, String account, List<FundingCommand> commands) {
        var s = stream(u, account);
        var decision = FundingAccount.decideEach(commands, s.state());
        decision.refused().forEach(r -> world.trace("funding-service skipped " + r.command() + ": "
                + r.reason().getMessage()));
        s.append(decision.events());
        scheduleReviews(u, account, s.state(), decision.events());
    }

    private void scheduleReviews(Unit u, String account, FundingState after, List<FundingAccountEvent> events) {
        if (!(after instanceof FundingState.Active a)) {
            return;
        }
        for (Instant at : Payments.reviewTimes(events, a.zone(), u.now)) {
            u.schedule(DUE_TIMER, TimerIds.of(account, String.valueOf(at.getEpochSecond())), at, account);
        }
    }

    /** PaymentsDueTimer: pays what is due; a closed or unknown account has nothing to pay. */
    void payDue(Unit u, String account) {
        try {
            execute(u, account, new FundingCommand.PayDue(u.now));
        } catch (DomainException.Conflict | DomainException.NotFound e) {
            u.handles.clear();
        }
    }

    void raiseFence(Unit u, String account, String closureId) {
        if (!fence(u, account).execute(new FundingFence.Raise(closureId, u.now)).isEmpty()) {
            u.publish(Topics.FUNDING, new AccountFenced(account, closureId, SERVICE, u.now));
        }
    }
}
