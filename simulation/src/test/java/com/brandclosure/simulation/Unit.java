package com.brandclosure.simulation;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.kernel.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One unit of work of one service, as the platform's command runner runs it: streams loaded once
 * per unit, events decided and staged, table rows written, integration events published and timers
 * set or cancelled, all of it visible to the unit's own reads at once and to everyone else only when
 * it commits ({@link World#commit}). A unit that is dropped (a crash before commit) leaves no trace.
 */
final class Unit {

    /** A stream as the unit sees it: loaded state and version, plus what it staged. */
    static final class Handle<C, S, E> {
        final String streamId;
        final String accountId;
        final Decider<C, S, E> decider;
        final long loadedVersion;
        S state;
        final List<E> staged = new ArrayList<>();
        final List<S> stagedStates = new ArrayList<>();

        Handle(String streamId, String accountId, Decider<C, S, E> decider, S state, long loadedVersion) {
            this.streamId = streamId;
            this.accountId = accountId;
            this.decider = decider;
            this.state = state;
            this.loadedVersion = loadedVersion;
        }

        List<E> execute(C command) {
            List<E> events = decider.decide(command, state);
            append(events);
            return events;
        }

        void append(List<E> events) {
            for (E e : events) {
                state = decider.evolve(state, e);
                staged.add(e);
                stagedStates.add(state);
            }
        }

        S state() {
            return state;
        }

        boolean isNew() {
            return loadedVersion == 0 && staged.isEmpty();
        }

        long version() {
            return loadedVersion + staged.size();
        }
    }

    record Published(String topic, IntegrationEvent event) {
    }

    final SimStore store;
    final Instant now;
    final String actor;
    final String cause;
    final Map<String, Handle<?, ?, ?>> handles = new LinkedHashMap<>();
    final Map<String, Object> rowWrites = new HashMap<>();
    final List<Published> published = new ArrayList<>();
    final Map<String, SimStore.Timer> timerSets = new LinkedHashMap<>();
    final Set<String> timerCancels = new LinkedHashSet<>();

    Unit(SimStore store, Instant now, String actor, String cause) {
        this.store = store;
        this.now = now;
        this.actor = actor;
        this.cause = cause;
    }

    @SuppressWarnings("unchecked")
    <C, S, E> Handle<C, S, E> load(String accountId, String streamId, Decider<C, S, E> decider) {
        Handle<?, ?, ?> h = handles.get(streamId);
        if (h == null) {
            SimStore.Stored stored = store.streams.get(streamId);
            S state = stored == null ? decider.initialState() : (S) stored.state;
            h = new Handle<>(streamId, accountId, decider, state, stored == null ? 0 : stored.version());
            handles.put(streamId, h);
        }
        return (Handle<C, S, E>) h;
    }

    /**
     * The states of the account's streams whose id starts with {@code prefix}, as this unit sees them
     * (what the service's read models hold once the unit flushed): the store's, overlaid with the unit's.
     */
    @SuppressWarnings("unchecked")
    <S> Map<String, S> states(String accountId, String prefix) {
        Map<String, S> result = new LinkedHashMap<>();
        for (String id : store.streamIdsOf(accountId)) {
            if (id.startsWith(prefix)) {
                Handle<?, ?, ?> h = handles.get(id);
                result.put(id, (S) (h != null ? h.state : store.streams.get(id).state));
            }
        }
        for (var e : handles.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().accountId.equals(accountId)
                    && !result.containsKey(e.getKey()) && !e.getValue().staged.isEmpty()) {
                result.put(e.getKey(), (S) e.getValue().state);
            }
        }
        return result;
    }

    <S> List<String> streamsWhere(String accountId, String prefix, Predicate<S> test) {
        List<String> ids = new ArrayList<>();
        this.<S>states(accountId, prefix).forEach((id, s) -> {
            if (test.test(s)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @SuppressWarnings("unchecked")
    <T> T row(String key) {
        return rowWrites.containsKey(key) ? (T) rowWrites.get(key) : (T) store.rows.get(key);
    }

    void putRow(String key, Object value) {
        rowWrites.put(key, value);
    }

    void publish(String topic, IntegrationEvent event) {
        published.add(new Published(topic, event));
    }

    void schedule(String kind, String timerId, Instant at, String data) {
        var t = new SimStore.Timer(kind, timerId, at, data);
        timerCancels.remove(t.key());
        timerSets.put(t.key(), t);
    }

    void cancel(String kind, String timerId) {
        String key = kind + "/" + timerId;
        timerSets.remove(key);
        timerCancels.add(key);
    }
}
