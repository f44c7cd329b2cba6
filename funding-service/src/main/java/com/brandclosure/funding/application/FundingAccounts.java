package com.brandclosure.funding.application;

import com.brandclosure.funding.domain.FundingAccount;
import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingFence;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.domain.Payments;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.timers.TimerIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * The funding account of a brand (stream {@code funding:<accountId>}), decided through the platform's
 * command runner: the web's commands, the consumed payouts and closure events, and the due timer all
 * come here. Calls from the web name their {@link Actor}; the tenant check ({@link Actor#requireAccess}:
 * 404 for another brand's account) is made before anything is read or written. After a decision the
 * account's next review times ({@link Payments#reviewTimes}) become durable timers in the same unit.
 */
@Service
public class FundingAccounts {

    private static final Logger log = LoggerFactory.getLogger(FundingAccounts.class);

    private final CommandRunner runner;
    private final EventStore store;

    public FundingAccounts(CommandRunner runner, EventStore store) {
        this.runner = runner;
        this.store = store;
    }

    public static String streamId(AccountId account) {
        return "funding:" + account.value();
    }

    /** The account's state for {@code actor} (404 if it may not see the account); a read, no lock. */
    public FundingState read(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        return store.loadState(streamId(account), FundingAccount.initial(), FundingAccount::evolve).state();
    }

    /** One command from the web: tenant check first, then one unit of work. Returns the state after. */
    public FundingState execute(Actor actor, AccountId account, FundingCommand command, CommandContext ctx) {
        actor.requireAccess(account.value());
        return execute(account, command, ctx);
    }

    /** One internal command (a timer: no actor to check). Returns the state after. */
    public FundingState execute(AccountId account, FundingCommand command, CommandContext ctx) {
        return runner.inAccount(account.value(), work -> {
            if (command instanceof FundingCommand.OpenAccount) {
                FundingFence.requireOpen(Fencing.fence(work, account).state(), account.value());
            }
            var stream = stream(work, account);
            var events = stream.execute(command, ctx);
            scheduleReviews(work, account, stream.state(), events, ctx.now());
            return stream.state();
        });
    }

    /**
     * Commands derived from consumed events, in order, for one account (joins the poll's unit of work):
     * each decided once, one summary at the end. A cost the account cannot book is not refused but kept
     * as blocked (the account stays insufficient, naming it); a command the account still refuses (e.g.
     * a cost for an account already refunded) is skipped and logged, since redelivering it cannot fix it.
     */
    public FundingState executeEach(AccountId account, List<FundingCommand> commands, CommandContext ctx) {
        return runner.inAccount(account.value(), work -> {
            var stream = stream(work, account);
            var decision = FundingAccount.decideEach(commands, stream.state());
            decision.refused().forEach(r -> log.warn("account {}: skipped {}: {}", account, r.command(),
                    r.reason().getMessage()));
            stream.append(decision.events(), ctx);
            scheduleReviews(work, account, stream.state(), decision.events(), ctx.now());
            return stream.state();
        });
    }

    private static Stream<FundingCommand, FundingState, FundingAccountEvent> stream(Work work, AccountId account) {
        return work.load(account.value(), streamId(account), FundingAccount.DECIDER);
    }

    /** Fee dates are days in the account's zone; an account that is not open has nothing to review. */
    private static void scheduleReviews(Work work, AccountId account, FundingState after,
                                        List<FundingAccountEvent> events, Instant now) {
        if (!(after instanceof FundingState.Active a)) {
            return;
        }
        for (Instant at : Payments.reviewTimes(events, a.zone(), now)) {
            work.schedule(PaymentsDueTimer.KIND, TimerIds.of(account.value(), String.valueOf(at.getEpochSecond())),
                    at, account.value());
        }
    }
}
