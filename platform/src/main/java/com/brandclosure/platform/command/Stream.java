package com.brandclosure.platform.command;

import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.Decider;

import java.util.ArrayList;
import java.util.List;

/**
 * One loaded stream inside a {@link Work}: its current state (including what this unit of work decided
 * so far), the version it was loaded at, and the events staged for the next flush.
 */
public final class Stream<C, S, E> {

    private final String streamId;
    private final String accountId;
    private final Decider<C, S, E> decider;
    private long loadedVersion;
    private S state;
    private final List<NewEvent> pending = new ArrayList<>();
    private final List<S> pendingStates = new ArrayList<>();

    Stream(String streamId, String accountId, Decider<C, S, E> decider, S state, long loadedVersion) {
        this.streamId = streamId;
        this.accountId = accountId;
        this.decider = decider;
        this.state = state;
        this.loadedVersion = loadedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public String accountId() {
        return accountId;
    }

    /** The state with every event decided in this unit of work applied. */
    public S state() {
        return state;
    }

    /** The stream's version including the staged events (0: the stream has no event yet). */
    public long version() {
        return loadedVersion + pending.size();
    }

    /** True while the stream has no stored and no staged event. */
    public boolean isNew() {
        return version() == 0;
    }

    /** Decides {@code command} against the current state, stages the events and evolves the state. */
    public List<E> execute(C command, CommandContext ctx) {
        List<E> events = decider.decide(command, state);
        append(events, ctx);
        return events;
    }

    /** Stages events already decided (e.g. by a policy over several streams), each with fresh metadata from ctx. */
    public void append(List<E> events, CommandContext ctx) {
        for (E e : events) {
            append(e, ctx.nextMetadata());
        }
    }

    /** Stages one event with the given metadata. */
    public void append(E event, EventMetadata metadata) {
        state = decider.evolve(state, event);
        pending.add(new NewEvent(event, metadata));
        pendingStates.add(state);
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    List<NewEvent> pending() {
        return pending;
    }

    List<S> pendingStates() {
        return pendingStates;
    }

    long loadedVersion() {
        return loadedVersion;
    }

    void flushed() {
        loadedVersion += pending.size();
        pending.clear();
        pendingStates.clear();
    }
}
