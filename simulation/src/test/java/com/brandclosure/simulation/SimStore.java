package com.brandclosure.simulation;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.command.Appended;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One service's durable state as the simulation models it: its event store (streams with their
 * events, version and folded state), the rows of its own tables (what its SQL read models and
 * tables hold, by key), its durable timers and its publication mapping. Changed only by a
 * {@link Unit} that commits.
 */
final class SimStore {

    /** A stream as stored: its account, its events in order, the state after the last one. */
    static final class Stored {
        final String accountId;
        final List<Object> events = new ArrayList<>();
        Object state;

        Stored(String accountId, Object state) {
            this.accountId = accountId;
            this.state = state;
        }

        long version() {
            return events.size();
        }
    }

    /** A durable timer: fires at {@code at} or later, never earlier. */
    record Timer(String kind, String id, Instant at, String data) {
        String key() {
            return kind + "/" + id;
        }
    }

    final String service;
    final String topic;
    final Function<Appended, List<IntegrationEvent>> publication;
    final Map<String, Stored> streams = new HashMap<>();
    final Map<String, Set<String>> streamsByAccount = new HashMap<>();
    final Map<String, Object> rows = new HashMap<>();
    final Map<String, Timer> timers = new TreeMap<>();
    /** Every event this store appended, in commit order (for the invariants). */
    final List<Appended> appended = new ArrayList<>();

    SimStore(String service, String topic, Function<Appended, List<IntegrationEvent>> publication) {
        this.service = service;
        this.topic = topic;
        this.publication = publication;
    }

    Set<String> streamIdsOf(String accountId) {
        return streamsByAccount.getOrDefault(accountId, Set.of());
    }

    void addStream(String streamId, Stored stored) {
        streams.put(streamId, stored);
        streamsByAccount.computeIfAbsent(stored.accountId, a -> new LinkedHashSet<>()).add(streamId);
    }

    /** The committed state of {@code streamId}, {@code initial} if it has no events. */
    @SuppressWarnings("unchecked")
    <S> S state(String streamId, S initial) {
        Stored s = streams.get(streamId);
        return s == null ? initial : (S) s.state;
    }

    /** Copies what {@link LinkedHashMap} order the timers are in, so a caller may change them meanwhile. */
    List<Timer> timersSnapshot() {
        return List.copyOf(timers.values());
    }
}
