package com.brandclosure.platform.command;

import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.timers.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one command path of every service (see the package-info): account locks → load → decide →
 * append → snapshots → outbox → timers → projections in one transaction, retried as a whole on a
 * concurrency conflict.
 */
public class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    private static final ThreadLocal<Work> CURRENT = new ThreadLocal<>();

    private final TransactionTemplate tx;
    private final AccountLocks locks;
    private final EventStore eventStore;
    private final Outbox outbox;
    private final DurableTimers timers;
    private final List<Projection> projections;
    private final List<Publication> publications;
    private final int maxAttempts;
    private final AtomicLong conflictsRetried = new AtomicLong();

    public CommandRunner(TransactionTemplate tx, AccountLocks locks, EventStore eventStore, Outbox outbox,
                         DurableTimers timers, List<Projection> projections, List<Publication> publications,
                         int maxAttempts) {
        this.tx = tx;
        this.locks = locks;
        this.eventStore = eventStore;
        this.outbox = outbox;
        this.timers = timers;
        this.projections = List.copyOf(projections);
        this.publications = List.copyOf(publications);
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Runs {@code work} as one unit of work under the lock of {@code accountId}. */
    public <T> T inAccount(String accountId, Function<Work, T> work) {
        return inAccounts(List.of(accountId), work);
    }

    /** {@link #inAccount} without a result. */
    public void runInAccount(String accountId, Consumer<Work> work) {
        inAccounts(List.of(accountId), w -> {
            work.accept(w);
            return null;
        });
    }

    /** {@link #inAccounts} without a result. */
    public void runInAccounts(Collection<String> accountIds, Consumer<Work> work) {
        inAccounts(accountIds, w -> {
            work.accept(w);
            return null;
        });
    }

    /**
     * Runs {@code work} as one unit of work under the locks of every account named (taken in sorted
     * order before anything is written). Inside a running unit of work that already holds these
     * accounts it joins that unit; naming an account the running unit does not hold is a programming
     * error (a lock taken after the first write breaks the outbox's ordering rule).
     */
    public <T> T inAccounts(Collection<String> accountIds, Function<Work, T> work) {
        Work current = CURRENT.get();
        if (current != null) {
            if (!current.holds(accountIds)) {
                throw new IllegalStateException("a unit of work holding " + current.accounts()
                        + " cannot take the locks of " + accountIds + " after it started");
            }
            return work.apply(current);
        }
        Set<String> accounts = new TreeSet<>(accountIds);
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    locks.lockAll(accounts);
                    Work unit = new Work(accounts, eventStore, outbox, timers, projections, publications);
                    CURRENT.set(unit);
                    try {
                        T result = work.apply(unit);
                        unit.flush();
                        return result;
                    } finally {
                        CURRENT.remove();
                    }
                });
            } catch (ConcurrencyConflictException | DeadlockLoserDataAccessException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                conflictsRetried.incrementAndGet();
                log.debug("unit of work on {} conflicted (attempt {} of {}): {}", accounts, attempt, maxAttempts,
                        e.getMessage());
                // A short, growing, jittered pause: the winner of the race is about to commit.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
            }
        }
    }

    /** True while the calling thread runs inside a unit of work. */
    public static boolean inUnitOfWork() {
        return CURRENT.get() != null;
    }

    /** Units of work run again after a conflict, since start. */
    public long conflictsRetried() {
        return conflictsRetried.get();
    }
}
