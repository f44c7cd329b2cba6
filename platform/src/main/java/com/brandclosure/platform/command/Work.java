package com.brandclosure.platform.command;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.timers.DurableTimers;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One unit of work of the {@link CommandRunner}: the streams it loaded, what it decided, and the
 * outbox rows it staged, all flushed in its transaction. Not thread-safe; lives on one thread for the
 * length of one transaction. See the package-info for the whole path.
 */
public final class Work {

    private final Set<String> accounts;
    private final EventStore eventStore;
    private final Outbox outbox;
    private final DurableTimers timers;
    private final List<Projection> projections;
    private final List<Publication> publications;
    private final Map<String, Stream<?, ?, ?>> streams = new LinkedHashMap<>();
    private final List<Outbox.Message> staged = new ArrayList<>();
    private final Map<String, String> accountTraces = new java.util.HashMap<>();

    Work(Set<String> accounts, EventStore eventStore, Outbox outbox, DurableTimers timers,
         List<Projection> projections, List<Publication> publications) {
        this.accounts = accounts;
        this.eventStore = eventStore;
        this.outbox = outbox;
        this.timers = timers;
        this.projections = projections;
        this.publications = publications;
    }

    /** The accounts locked by this unit of work. */
    public Set<String> accounts() {
        return accounts;
    }

    boolean holds(Collection<String> accountIds) {
        return accounts.containsAll(accountIds);
    }

    /** The stream, loaded once per unit of work (snapshot-aware); later calls return the same handle. */
    public <C, S, E> Stream<C, S, E> load(String accountId, String streamId, Decider<C, S, E> decider) {
        return loadAll(accountId, List.of(streamId), decider).get(streamId);
    }

    /** Many streams of one account, the missing ones in one query, in the order given. */
    public <C, S, E> Map<String, Stream<C, S, E>> loadAll(String accountId, Collection<String> streamIds,
                                                        Decider<C, S, E> decider) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String id : streamIds) {
            owners.put(id, accountId);
        }
        return loadAll(owners, id -> decider);
    }

    /**
     * Many streams of several accounts (stream id → account id), the missing ones in one query, each
     * folded with the decider {@code deciders} gives for its stream id.
     */
    @SuppressWarnings("unchecked")
    public <C, S, E> Map<String, Stream<C, S, E>> loadAll(Map<String, String> streamAccounts,
                                                        Function<String, Decider<C, S, E>> deciders) {
        List<String> missing = new ArrayList<>();
        for (var entry : streamAccounts.entrySet()) {
            requireLocked(entry.getValue());
            if (!streams.containsKey(entry.getKey())) {
                missing.add(entry.getKey());
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Decider<C, S, E>> byStream = new LinkedHashMap<>();
            for (String id : missing) {
                byStream.put(id, deciders.apply(id));
            }
            Map<String, EventStore.Loaded<S>> loaded = eventStore.loadMany(missing, byStream::get);
            for (String id : missing) {
                EventStore.Loaded<S> l = loaded.get(id);
                streams.put(id, new Stream<>(id, streamAccounts.get(id), byStream.get(id), l.state(), l.version()));
            }
        }
        Map<String, Stream<C, S, E>> result = new LinkedHashMap<>();
        for (String id : streamAccounts.keySet()) {
            result.put(id, (Stream<C, S, E>) streams.get(id));
        }
        return result;
    }

    /** Stages an integration event that announces no stored event (its metadata is the caller's). */
    public void publish(String topic, IntegrationEvent event, EventMetadata metadata) {
        requireLocked(event.accountId());
        staged.add(new Outbox.Message(topic, event, metadata));
    }

    /**
     * The integration events this unit publishes for {@code accountId} carry {@code traceparent} as their
     * cause's trace (instead of the span current at the flush). A batch consumer sets it per account,
     * with the span it applied the account's records in (platform.tracing); a null traceparent is ignored.
     */
    public void traceAccount(String accountId, String traceparent) {
        requireLocked(accountId);
        if (traceparent != null) {
            accountTraces.put(accountId, traceparent);
        }
    }

    /** Sets (or moves) a durable timer in this transaction: it exists if and only if the unit commits. */
    public void schedule(String kind, String timerId, Instant at, String data) {
        timers.schedule(kind, timerId, at, data);
    }

    /** Removes a durable timer in this transaction, if it is set. */
    public void cancel(String kind, String timerId) {
        timers.cancel(kind, timerId);
    }

    /** Runs {@code action} once the transaction has committed (never if it rolls back). */
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Appends every staged event of every stream in one statement, writes the snapshots that are due,
     * stages the publications' integration events, writes the outbox rows and runs the projections.
     * The runner calls it at the end; call it earlier only when the rest of the work must read a read
     * model that the staged events change.
     */
    public void flush() {
        List<EventStore.StreamAppend> appends = new ArrayList<>();
        List<Appended> appended = new ArrayList<>();
        List<Stream<?, ?, ?>> touched = new ArrayList<>();
        for (Stream<?, ?, ?> s : streams.values()) {
            if (!s.hasPending()) {
                continue;
            }
            touched.add(s);
            appends.add(new EventStore.StreamAppend(s.streamId(), s.accountId(), s.loadedVersion(),
                    List.copyOf(s.pending())));
            long version = s.loadedVersion();
            List<NewEvent> pending = s.pending();
            List<?> states = s.pendingStates();
            for (int i = 0; i < pending.size(); i++) {
                appended.add(new Appended(s.streamId(), s.accountId(), ++version, pending.get(i).event(),
                        pending.get(i).metadata(), states.get(i)));
            }
        }
        eventStore.appendAll(appends);
        for (Stream<?, ?, ?> s : touched) {
            long before = s.loadedVersion();
            long after = s.version();
            Object state = s.state();
            if (eventStore.canSnapshot(state)) {
                eventStore.snapshotIfDue(s.streamId(), s.accountId(), before, after, state);
            }
            s.flushed();
        }
        List<Outbox.Message> messages = new ArrayList<>(staged);
        staged.clear();
        for (Appended a : appended) {
            for (Publication p : publications) {
                List<IntegrationEvent> announced = p.announce(a);
                for (int i = 0; i < announced.size(); i++) {
                    messages.add(new Outbox.Message(p.topic(), announced.get(i), announcing(a.metadata(), i)));
                }
            }
        }
        if (!appended.isEmpty()) {
            for (Projection p : projections) {
                p.project(appended);
            }
        }
        if (!accountTraces.isEmpty()) {
            messages.replaceAll(m -> m.tracedBy(accountTraces.get(m.event().accountId())));
        }
        outbox.publishAll(messages);
    }

    /** The first announcement of a stored event carries its id; further ones a name-based id derived from it. */
    private static EventMetadata announcing(EventMetadata stored, int index) {
        if (index == 0) {
            return stored;
        }
        UUID id = UUID.nameUUIDFromBytes((stored.eventId() + "/" + index).getBytes(StandardCharsets.UTF_8));
        return new EventMetadata(id, stored.actor(), stored.correlationId(), stored.causationId(), stored.occurredAt());
    }

    private void requireLocked(String accountId) {
        if (accountId == null || !accounts.contains(accountId)) {
            throw new IllegalStateException("unit of work locked " + accounts + " but touches account " + accountId
                    + ": name every account when the unit starts (the ordering rule of eventstore/package-info)");
        }
    }
}
