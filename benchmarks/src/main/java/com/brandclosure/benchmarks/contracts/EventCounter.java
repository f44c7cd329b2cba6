package com.brandclosure.benchmarks.contracts;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts records per (event-type header, key) and remembers the first one's timestamp. The
 * test kit's KafkaProbe keeps every record in a copy-on-write list, which costs quadratic time
 * at the 200,000 records this benchmark produces.
 */
final class EventCounter implements AutoCloseable {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> firstTimestamps = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    /** @param client Kafka client properties (bootstrap servers and credentials) */
    EventCounter(Map<String, Object> client, String topic) {
        var config = new java.util.HashMap<>(client);
        config.putAll(Map.<String, Object>of(
                ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"));
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                        var h = r.headers().lastHeader("event-type");
                        String key = (h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8)) + "|" + r.key();
                        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                        firstTimestamps.putIfAbsent(key, r.timestamp());
                    });
                }
            }
        }, "bench-counter");
        poller.setDaemon(true);
        poller.start();
    }

    long count(String type, String key) {
        AtomicLong n = counts.get(type + "|" + key);
        return n == null ? 0 : n.get();
    }

    long firstTimestamp(String type, String key) {
        return firstTimestamps.get(type + "|" + key);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
