package com.brandclosure.simulation;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.inbox.InboundEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One consumer of one service ({@code <service>:<purpose>}, its own consumer group): the topics it
 * reads, the event types it subscribes to (others are skipped by type, without touching its inbox,
 * as the platform's subscription does), its position in every (topic, key) log, and its inbox: the
 * event ids whose effect it committed, so a redelivery is dropped (the platform's dedup statement).
 */
final class Consumer {

    /** What a poll does with one account's new events, in order, inside the consumer's unit of work. */
    interface Handler {
        void handle(Unit unit, String accountId, List<InboundEvent> events);
    }

    final String name;
    final SimStore store;
    final List<String> topics;
    final List<Class<? extends IntegrationEvent>> types;
    final Handler handler;
    final Map<String, Integer> positions = new HashMap<>();
    final Set<String> inbox = new HashSet<>();
    /** Whether the inbox drops redeliveries; false only in the checker's own test of a broken consumer. */
    boolean dedup = true;

    Consumer(String name, SimStore store, List<String> topics, List<Class<? extends IntegrationEvent>> types,
             Handler handler) {
        this.name = name;
        this.store = store;
        this.topics = topics;
        this.types = types;
        this.handler = handler;
    }

    boolean subscribes(IntegrationEvent event) {
        return types.stream().anyMatch(t -> t.isInstance(event));
    }

    int position(String logKey) {
        return positions.getOrDefault(logKey, 0);
    }
}
