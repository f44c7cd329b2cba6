package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingLockDate;
import com.brandclosure.closure.messaging.ClosurePublications;
import com.brandclosure.closure.ops.ClosureMetrics;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.eventstore.RecordedEvent;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Load → decide → append + publish + timer + read model, in the caller's transaction or a new one. */
@Service
public class ClosureService {

    /** Concurrent appends to one saga are rare (a person and a source at once); a few reloads settle them. */
    private static final int ATTEMPTS_ON_CONFLICT = 5;

    private final EventStore eventStore;
    private final Outbox outbox;
    private final LockDateTimer timer;
    private final ClosureProjection projection;
    private final TransactionTemplate tx;
    private final ClosureMetrics metrics;

    public ClosureService(EventStore eventStore, Outbox outbox, LockDateTimer timer, ClosureProjection projection,
                          TransactionTemplate tx, ClosureMetrics metrics) {
        this.metrics = metrics;
        this.eventStore = eventStore;
        this.outbox = outbox;
        this.timer = timer;
        this.projection = projection;
        this.tx = tx;
    }

    public static String streamId(AccountId account) {
        return "closure-" + account.value();
    }

    /**
     * A person's command, in its own transaction, reloaded and decided again if the saga moved
     * meanwhile. The tenant check is made here, where the command is handled: a brand admin's
     * command on another brand's account is refused as if the account did not exist (404).
     */
    public AccountClosureState execute(Actor actor, AccountId account, CommandContext ctx,
                                       Function<AccountClosureState, AccountClosureCommand> command) {
        actor.requireAccess(account.value());
        return retryingOnConflict(() -> tx.execute(status -> decideAndApply(account, ctx, command)));
    }

    /**
     * Support's final approval. Four-eyes: the approver must be a SUPPORT user (checked here, not
     * only by the controller's roles) and someone other than the initiator (the saga checks
     * that against the initiation it recorded).
     */
    public AccountClosureState approve(Actor actor, AccountId account, CommandContext ctx, long versionSeen) {
        actor.requireAccess(account.value());
        if (!actor.has(Role.SUPPORT)) {
            throw new ApproverNotSupport(actor.name());
        }
        return retryingOnConflict(() -> tx.execute(status -> decideAndApply(account, ctx,
                s -> new AccountClosureCommand.ApproveFinalReview(actor.name(), versionSeen, ctx.now()))));
    }

    /** A timer's or the system's own command (no person, no tenant check). */
    public AccountClosureState executeInternal(AccountId account, CommandContext ctx,
                                               Function<AccountClosureState, AccountClosureCommand> command) {
        return retryingOnConflict(() -> tx.execute(status -> decideAndApply(account, ctx, command)));
    }

    /**
     * Decides and applies in the current transaction. The caller retries the whole transaction
     * on {@link ConcurrencyConflictException} (see {@link #retryingOnConflict}).
     */
    public AccountClosureState decideAndApply(AccountId account, CommandContext ctx,
                                              Function<AccountClosureState, AccountClosureCommand> command) {
        String stream = streamId(account);
        AccountClosureState before = AccountClosure.initial(account);
        List<RecordedEvent<AccountClosureEvent>> history = eventStore.load(stream);
        for (RecordedEvent<AccountClosureEvent> e : history) {
            before = AccountClosure.evolve(before, e.event());
        }
        List<AccountClosureEvent> decided = AccountClosure.decide(command.apply(before), before);
        if (decided.isEmpty()) {
            return before;
        }
        List<NewEvent> toAppend = new ArrayList<>(decided.size());
        for (AccountClosureEvent e : decided) {
            toAppend.add(new NewEvent(e, ctx.nextMetadata()));
        }
        // The append is the transaction's first write: see the platform's OutboxRelay on why.
        // The account id goes with every event: the account's audit trail (GET .../audit) finds them by it.
        eventStore.append(stream, account.value(), before.ledger().version(), toAppend);
        AccountClosureState after = AccountClosure.fold(before, decided);
        metrics.recordAfterCommit(before, decided);
        outbox.publishAll(ClosurePublications.of(account, before, toAppend));
        moveTimer(account, before, after);
        projection.save(account, after);
        return after;
    }

    public AccountClosureState load(AccountId account) {
        AccountClosureState state = AccountClosure.initial(account);
        for (RecordedEvent<AccountClosureEvent> e : eventStore.<AccountClosureEvent>load(streamId(account))) {
            state = AccountClosure.evolve(state, e.event());
        }
        return state;
    }

    /** The closure as {@code actor} may see it, or 404 if it never had one initiated or is not the actor's. */
    public AccountClosureState get(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        AccountClosureState state = load(account);
        if (state instanceof AccountClosureState.NotInitiated) {
            throw new DomainException.NotFound("account " + account + " has no closure");
        }
        return state;
    }

    /** The timer follows the state: set when a wait for the lock date begins or moves, removed when it ends. */
    private void moveTimer(AccountId account, AccountClosureState before, AccountClosureState after) {
        long wasWaitingFor = before instanceof AwaitingLockDate b ? b.scheduleVersion() : 0;
        long waitsFor = after instanceof AwaitingLockDate a ? a.scheduleVersion() : 0;
        if (wasWaitingFor == waitsFor) {
            return;
        }
        if (wasWaitingFor != 0) {
            timer.cancel(account, wasWaitingFor);
        }
        if (after instanceof AwaitingLockDate a) {
            timer.schedule(account, a.scheduleVersion(), a.fireAt());
        }
    }

    public static <T> T retryingOnConflict(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyConflictException e) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw e;
                }
            }
        }
    }
}
