package com.brandclosure.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A test's view of Kafka: collects every record of some topics from the beginning in a
 * background thread, and sends raw records. Wait on {@link #records()} with Awaitility.
 * It connects as the super user {@code admin} unless given a principal: a test that plays a
 * tracking system or another service sends as that principal and meets its ACLs.
 */
public final class KafkaProbe implements AutoCloseable {

    // A plain list under a lock: copy-on-write would make collecting large volumes quadratic.
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaProbe(String... topics) {
        this(com.brandclosure.kafkaaccess.KafkaAccess.ADMIN, List.of(topics));
    }

    /** A probe that reads and sends as {@code principal} (it must be allowed to read {@code topics}). */
    public static KafkaProbe as(String principal, String... topics) {
        return new KafkaProbe(principal, List.of(topics));
    }

    private KafkaProbe(String principal, List<String> topics) {
        Infrastructure infra = Infrastructure.get();
        var producerConfig = new HashMap<>(infra.kafkaClientProperties(principal));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        if (topics.isEmpty()) {
            // Send-only (e.g. as tracking, which may read nothing): no consumer, no group.
            consumer = null;
            poller = null;
            return;
        }
        var consumerConfig = new HashMap<>(infra.kafkaClientProperties(principal));
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
        var assigned = new java.util.concurrent.CountDownLatch(1);
        poller = new Thread(() -> {
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(100));
                synchronized (records) {
                    batch.forEach(records::add);
                }
                if (assigned.getCount() > 0 && caughtUp()) {
                    assigned.countDown();
                }
            }
            consumer.close();
        }, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
        // A new group takes a moment to join and to read what the topics already hold: a test that reads
        // records() right after the service under test consumed them must not find the probe still
        // catching up. (Topics not created yet: go on after the wait.)
        try {
            assigned.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the poller thread: partitions assigned and read up to the end offsets they had. */
    private boolean caughtUp() {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        var ends = consumer.endOffsets(assignment);
        return assignment.stream().allMatch(tp -> consumer.position(tp) >= ends.getOrDefault(tp, 0L));
    }

    public List<ConsumerRecord<String, String>> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    public List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> filter) {
        synchronized (records) {
            return records.stream().filter(filter).toList();
        }
    }

    public int count() {
        synchronized (records) {
            return records.size();
        }
    }

    /** Records whose {@code event-type} header is {@code type} and whose key is {@code key}. */
    public List<ConsumerRecord<String, String>> events(String type, String key) {
        return records(r -> key.equals(r.key()) && type.equals(header(r, "event-type")));
    }

    /**
     * The {@code sourceVersion} of every summary event of {@code key} whose type is one of {@code types}, in
     * the order the probe received them (one partition per key: the order they were published in).
     */
    public List<Long> sourceVersions(String key, String... types) {
        var wanted = java.util.Set.of(types);
        return records(r -> key.equals(r.key()) && wanted.contains(header(r, "event-type"))).stream()
                .map(r -> JSON.readTree(r.value()).path("payload").path("sourceVersion"))
                .map(v -> v.isIntegralNumber() ? v.asLong() : -1L)
                .toList();
    }

    /**
     * Plays the closure saga: sends {@code StateReportRequested} for {@code key} on {@code closure.events}
     * (sent as the probe's principal: the super user unless given one).
     */
    public void requestStateReport(String key, String closureId) {
        requestStateReport(key, closureId, "INITIATION");
    }

    /** {@link #requestStateReport(String, String)} for {@code reason} (INITIATION, REVIEW_REQUESTED, RECONCILIATION). */
    public void requestStateReport(String key, String closureId, String reason) {
        String now = java.time.Instant.now().toString();
        send("closure.events", key, """
                {"eventId":"%s","type":"StateReportRequested","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"closure-orchestrator","correlationId":"%s","causationId":null,
                 "payload":{"accountId":"%s","closureId":"%s","reason":"%s","asOf":"%s"}}"""
                .formatted(UUID.randomUUID(), key, now, closureId, key, closureId, reason, now));
    }

    /** The payloads of {@code key}'s records that answer the state report of {@code closureId}, with their type. */
    public List<Map.Entry<String, tools.jackson.databind.JsonNode>> reportsFor(String key, String closureId) {
        return records(r -> key.equals(r.key())).stream()
                .map(r -> Map.entry(String.valueOf(header(r, "event-type")), JSON.readTree(r.value()).path("payload")))
                .filter(e -> {
                    var reportFor = e.getValue().path("reportFor");
                    return !reportFor.isMissingNode() && !reportFor.isNull() && closureId.equals(reportFor.asString());
                })
                .toList();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    public static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sends a record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * Sends a record with an {@code event-type} header and any value, e.g. one no consumer can decode (a poison
     * record: the header makes the subscribed consumer read it), and waits for the acknowledgement.
     */
    public void sendRaw(String topic, String key, String value, String eventType) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add("event-type", eventType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }
}
