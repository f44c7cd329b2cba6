package com.brandclosure.funding.application;

import com.brandclosure.events.Topics;
import com.brandclosure.funding.domain.FundingAccount;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingEvent;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.messaging.IntegrationEvents;
import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.timers.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Use cases of funding-service: load (snapshot + events) -> decide -> append + publish + timers,
 * in one transaction. Calls from the web name their {@link Actor}; the tenant check
 * ({@link Actor#requireAccess}: 404 for another brand's account) is made here, before anything
 * is read or written. Calls from Kafka and timers are internal and take no actor.
 */
@Service
public class FundingService {

    private static final Logger log = LoggerFactory.getLogger(FundingService.class);
    public static final String DUE_TIMER = "funding-due";

    private final EventStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final DurableTimers timers;
    private final AccountLocks locks;

    public FundingService(EventStore store, Outbox outbox, TransactionTemplate tx, DurableTimers timers,
                          AccountLocks locks) {
        this.locks = locks;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.timers = timers;
    }

    public static String streamId(AccountId account) {
        return "funding:" + account.value();
    }

    public EventStore.Loaded<FundingState> load(AccountId account) {
        return store.loadState(streamId(account), FundingAccount.initial(), FundingAccount::evolve);
    }

    /** The account's state for {@code actor} (404 if it may not see the account). */
    public EventStore.Loaded<FundingState> load(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        return load(account);
    }

    /**
     * One command from the web: {@code actor} must have access to the account (404 otherwise,
     * nothing changes). Retried on a concurrent change. Returns the state after.
     */
    public FundingState execute(Actor actor, AccountId account, FundingCommand command, CommandContext ctx) {
        actor.requireAccess(account.value());
        return executeInternal(account, command, ctx);
    }

    /** One internal command (a timer: no actor to check), retried on a concurrent change. Returns the state after. */
    public FundingState executeInternal(AccountId account, FundingCommand command, CommandContext ctx) {
        return retrying(() -> {
            lockAccounts(List.of(account.value()));
            return apply(account, List.of(command), ctx, false);
        });
    }

    /**
     * Serializes the transactions of these accounts; must come before the transaction's first
     * write (the event store's ordering rule, see {@link AccountLocks}).
     */
    public void lockAccounts(java.util.Collection<String> accountIds) {
        locks.lockAll(accountIds);
    }

    /**
     * Commands derived from consumed events, in order, for one account, inside the caller's
     * transaction (which must have locked the account). A command the account refuses is skipped and logged (a cost in the wrong
     * currency cannot be fixed by retrying); the others apply.
     */
    public FundingState applyConsumed(AccountId account, List<FundingCommand> commands, CommandContext ctx) {
        return apply(account, commands, ctx, true);
    }

    private FundingState apply(AccountId account, List<FundingCommand> commands, CommandContext ctx,
                               boolean skipRefused) {
        var loaded = load(account);
        FundingState state = loaded.state();
        Instant now = ctx.now();
        List<FundingEvent> events;
        try {
            events = FundingAccount.decideAll(commands, state, now);
        } catch (DomainException e) {
            if (!skipRefused) {
                throw e;
            }
            // Find the refused ones and decide the rest; still one summary at the end.
            List<FundingCommand> accepted = new ArrayList<>();
            for (FundingCommand c : commands) {
                var attempt = new ArrayList<>(accepted);
                attempt.add(c);
                try {
                    FundingAccount.decideAll(attempt, state, now);
                    accepted.add(c);
                } catch (DomainException refused) {
                    log.warn("account {}: skipped {}: {}", account, c, refused.getMessage());
                }
            }
            events = FundingAccount.decideAll(accepted, state, now);
        }
        if (events.isEmpty()) {
            return state;
        }
        List<NewEvent> newEvents = new ArrayList<>(events.size());
        List<Outbox.Message> messages = new ArrayList<>();
        var dueAt = new TreeMap<Instant, String>();
        for (FundingEvent e : events) {
            state = FundingAccount.evolve(state, e);
            EventMetadata md = ctx.nextMetadata();
            newEvents.add(new NewEvent(e, md));
            IntegrationEvents.of(account.value(), e).ifPresent(i -> messages.add(new Outbox.Message(Topics.FUNDING, i, md)));
            switch (e) {
                case FundingEvent.CostLocked c -> dueAt.put(c.clearingAt(), "clearing");
                case FundingEvent.ChargeBilled c -> {
                    dueAt.put(c.dueOn().atStartOfDay(ZoneOffset.UTC).toInstant(), "charge due");
                    // The day the fee enters the 45-day window, Required Funding grows.
                    Instant windowEntry = c.dueOn().minusDays(FundingState.Active.FEE_WINDOW_DAYS)
                            .atStartOfDay(ZoneOffset.UTC).toInstant();
                    if (windowEntry.isAfter(now)) {
                        dueAt.put(windowEntry, "fee window");
                    }
                }
                default -> { }
            }
        }
        long version = store.append(streamId(account), account.value(), loaded.version(), newEvents);
        if (state instanceof FundingState.Active) {
            store.snapshotIfDue(streamId(account), loaded.version(), version, state);
        }
        outbox.publishAll(messages);
        dueAt.keySet().forEach(at -> timers.schedule(DUE_TIMER, account.value() + "|" + at.getEpochSecond(), at,
                account.value()));
        return state;
    }

    <T> T retrying(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrencyConflictException | PessimisticLockingFailureException e) {
                last = e;
            }
        }
        throw last;
    }
}
