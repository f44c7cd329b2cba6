package com.brandclosure.simulation;

import com.brandclosure.events.IntegrationEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated broker. What Kafka guarantees and what the simulation keeps: the records of one key
 * on one topic (one account on one topic: the key is the account, and a key maps to one partition)
 * are read in the order they were written; between topics, and between keys, nothing is ordered. So
 * the log is kept per (topic, key), and each consumer reads each of those logs at its own pace.
 */
final class Bus {

    /** A record as written: where, its offset in its partition, and the envelope fields the consumers use. */
    record Record(String topic, String key, int partition, long offset, String eventId, IntegrationEvent event,
                  Instant occurredAt, String actor) {
        String logKey() {
            return topic + "|" + key;
        }
    }

    static final int PARTITIONS = 3;

    /** topic|key -> the records in write order. */
    final Map<String, List<Record>> logs = new LinkedHashMap<>();
    /** topic -> the keys of its logs, in the order they appeared. */
    final Map<String, List<String>> logKeysByTopic = new HashMap<>();
    private final Map<String, Long> nextOffset = new HashMap<>();

    Record append(String topic, String key, String eventId, IntegrationEvent event, Instant occurredAt, String actor) {
        int partition = Math.floorMod(key.hashCode(), PARTITIONS);
        long offset = nextOffset.merge(topic + "#" + partition, 1L, Long::sum) - 1;
        var r = new Record(topic, key, partition, offset, eventId, event, occurredAt, actor);
        logs.computeIfAbsent(r.logKey(), k -> {
            logKeysByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(k);
            return new ArrayList<>();
        }).add(r);
        return r;
    }

    /** Writes {@code record} once more at the end of its log (an outbox relay that sent it, crashed, and sent again). */
    Record resend(Record record) {
        return append(record.topic(), record.key(), record.eventId(), record.event(), record.occurredAt(),
                record.actor());
    }

    List<String> logKeys(String topic) {
        return logKeysByTopic.getOrDefault(topic, List.of());
    }

    List<Record> log(String logKey) {
        return logs.getOrDefault(logKey, List.of());
    }
}
