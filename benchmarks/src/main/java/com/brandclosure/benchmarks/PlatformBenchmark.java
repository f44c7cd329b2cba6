package com.brandclosure.benchmarks;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.PlatformFixture;
import com.brandclosure.platform.TestEvents;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.outbox.OutboxRelay;
import com.brandclosure.platform.tracing.Traces;
import com.brandclosure.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * Platform figures on this machine, all in one run on the same broker and database (PostgreSQL at
 * production durability, see {@link Bench#infrastructure()}): the limits (raw batched PostgreSQL inserts, raw
 * Kafka producer), event-store appends (single-event transactions with latency percentiles, and batched),
 * the outbox relay draining committed rows, and the relay's latency from a writer's commit to the broker
 * under 8 concurrent writers at a steady rate. Prints each figure and its ratio to the limit, then RESULT lines.
 * <p>
 * Run: {@code benchmarks/run-all.sh} (all harnesses), or alone as the benchmarks README says. Sizes:
 * {@code -Dbench.events=200000} (per drain figure), {@code -Dbench.singleEvents=20000} (per single-event figure),
 * {@code -Dbench.relay.rate=5000} (events/s, all writers), {@code -Dbench.relay.writers=8},
 * {@code -Dbench.relay.perTx=5} (events per writer transaction), {@code -Dbench.relay.seconds=15}.
 */
public final class PlatformBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    static final int SINGLE_EVENTS = Integer.getInteger("bench.singleEvents", 20_000);
    static final int BATCH = 1_000;
    static final int RELAY_RATE = Integer.getInteger("bench.relay.rate", 5_000);
    static final int RELAY_WRITERS = Integer.getInteger("bench.relay.writers", 8);
    static final int RELAY_PER_TX = Integer.getInteger("bench.relay.perTx", 5);
    static final int RELAY_SECONDS = Integer.getInteger("bench.relay.seconds", 15);
    static final String LATENCY_TOPIC = "bench-relay-latency";

    public static void main(String[] args) {
        Bench.main("PlatformBenchmark", PlatformBenchmark::run);
    }

    static void run() throws Exception {
        Infrastructure infra = Bench.infrastructure();
        infra.createTopics("bench-raw", "bench-single", "bench-relay");
        Bench.brokerTimestamps(infra, LATENCY_TOPIC);
        try (var fixture = new PlatformFixture("bench_platform", TestEvents.types(), 8)) {
            String payload = fixture.json.write(envelopeLike());

            double rawInsert = rawBatchedInsert(fixture, payload);
            double rawKafka = rawProducer(infra.kafkaAdminProperties(), payload);
            double[] alone = singleEventAppends(fixture, 1, false);
            double[] single = singleEventAppends(fixture, 4, true);
            double batched = batchedAppends(fixture);
            double relay = relay(fixture);
            double[] latency = relayLatency(fixture, infra);

            System.out.println();
            System.out.println("=== platform benchmark (" + EVENTS + " events per figure) ===");
            System.out.printf("limit  raw PostgreSQL batched insert : %,10.0f rows/s%n", rawInsert);
            System.out.printf("limit  raw Kafka producer (acks=all)  : %,10.0f records/s%n", rawKafka);
            System.out.printf("event store, single-event append (1 thr): %,7.0f events/s  p50 %.2f ms  p99 %.2f ms%n",
                    alone[0], alone[1], alone[2]);
            System.out.printf("append + outbox per tx (4 threads)   : %,10.0f events/s  p50 %.2f ms  p99 %.2f ms  (%.1f %% of raw insert)%n",
                    single[0], single[1], single[2], 100 * single[0] / rawInsert);
            System.out.printf("event store, batched (%d per tx)     : %,10.0f events/s  (%.1f %% of raw insert)%n",
                    100, batched, 100 * batched / rawInsert);
            System.out.printf("outbox relay, commit -> broker ack   : %,10.0f events/s  (%.1f %% of raw insert, %.1f %% of raw producer)%n",
                    relay, 100 * relay / rawInsert, 100 * relay / rawKafka);
            System.out.printf("targets: relay >= 30,000/s [%s], relay >= 40 %% of raw insert [%s], single append p99 <= 5 ms [%s]%n",
                    relay >= 30_000 ? "met" : "MISSED", relay >= 0.4 * rawInsert ? "met" : "MISSED",
                    alone[2] <= 5.0 ? "met" : "MISSED");
            System.out.printf("relay under %d writers at %,.0f events/s offered (%d per tx): commit -> broker append"
                    + " p50 %.0f ms  p99 %.0f ms  max %.0f ms%n", RELAY_WRITERS, latency[0], RELAY_PER_TX, latency[1],
                    latency[2], latency[3]);
            Bench.durability(fixture.jdbc);
            Bench.result("limit.postgres_batched_insert_rows_per_s", rawInsert, "rows/s");
            Bench.result("limit.kafka_producer_records_per_s", rawKafka, "records/s");
            Bench.result("eventstore.single_append_events_per_s", alone[0], "events/s");
            Bench.result("eventstore.single_append_p99_ms", alone[2], "ms");
            Bench.result("eventstore.append_outbox_4threads_events_per_s", single[0], "events/s");
            Bench.result("eventstore.batched_append_events_per_s", batched, "events/s");
            Bench.result("relay.events_per_s", relay, "events/s");
            Bench.result("relay.latency.offered_events_per_s", latency[0], "events/s");
            Bench.result("relay.commit_to_ack_p50_ms", latency[1], "ms");
            Bench.result("relay.commit_to_ack_p99_ms", latency[2], "ms");
        }
    }

    static Object envelopeLike() {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "PreconditionMet", "schemaVersion", 1,
                "accountId", "brand-000001", "occurredAt", Instant.now().toString(), "actor", "benchmark",
                "correlationId", UUID.randomUUID().toString(),
                "payload", Map.of("accountId", "brand-000001", "precondition", "CONTRACTS_EXPIRED", "sourceEventId",
                        UUID.randomUUID().toString()));
    }

    /** The database's limit: plain multi-row inserts of outbox-sized rows, 1,000 per batch and transaction. */
    static double rawBatchedInsert(PlatformFixture f, String payload) {
        f.jdbc.execute("CREATE TABLE IF NOT EXISTS raw_insert (id BIGSERIAL PRIMARY KEY, topic TEXT, message_key TEXT,"
                + " event_id UUID, event_type TEXT, envelope TEXT, created_at TIMESTAMPTZ DEFAULT now())");
        long start = System.nanoTime();
        for (int done = 0; done < EVENTS; done += BATCH) {
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                rows.add(new Object[]{"bench", "brand-" + (i % 1000), UUID.randomUUID(), "PreconditionMet", payload});
            }
            f.tx.executeWithoutResult(s -> f.jdbc.batchUpdate(
                    "INSERT INTO raw_insert (topic, message_key, event_id, event_type, envelope) VALUES (?, ?, ?, ?, ?)",
                    rows));
        }
        return EVENTS / seconds(start);
    }

    /** Kafka's limit: the same producer settings as the relay, same record size. */
    static double rawProducer(Map<String, Object> client, String payload) throws Exception {
        var config = new java.util.HashMap<>(client);
        config.putAll(Map.<String, Object>of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("bench-raw", "warm", payload)).get();
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                acks.add(producer.send(new ProducerRecord<>("bench-raw", "brand-" + (i % 1000), payload)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return EVENTS / seconds(start);
        }
    }

    static EventMetadata md() {
        return new EventMetadata(UUID.randomUUID(), "benchmark", "corr", null, Instant.now());
    }

    /**
     * Single-event transactions: one event appended per transaction (and, with {@code withOutbox},
     * one outbox message, as a command handler does), from {@code threads} threads, with latency.
     */
    static double[] singleEventAppends(PlatformFixture f, int threads, boolean withOutbox) throws Exception {
        int perThread = SINGLE_EVENTS / threads;
        long[][] latencies = new long[threads][perThread];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String stream = (withOutbox ? "single-" : "alone-") + thread + "-" + (i % 500);
                    long version = i / 500;
                    long t0 = System.nanoTime();
                    f.tx.executeWithoutResult(s -> {
                        f.eventStore.append(stream, version, List.of(new NewEvent(new TestEvents.Counted(stream, 1), md())));
                        if (withOutbox) {
                            f.outbox.publish("bench-single", new PreconditionMet("brand-" + thread, "X", "s"), md());
                        }
                    });
                    latencies[thread][i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double rate = threads * perThread / seconds(start);
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new double[]{rate, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6};
    }

    /** Batched: 100 events per stream per transaction. */
    static double batchedAppends(PlatformFixture f) {
        int perTx = 100;
        long start = System.nanoTime();
        for (int done = 0; done < EVENTS; done += perTx) {
            String stream = "batched-" + done;
            List<NewEvent> events = new ArrayList<>(perTx);
            for (int i = 0; i < perTx; i++) {
                events.add(new NewEvent(new TestEvents.Counted(stream, i), md()));
            }
            f.eventStore.append(stream, 0, events);
        }
        return EVENTS / seconds(start);
    }

    /** Outbox rows committed (relay stopped), then the relay drains them to the broker. */
    static double relay(PlatformFixture f) {
        try (OutboxRelay drainOld = f.relay(5_000, n -> { })) {
            while (drainOld.relayOnce() > 0) {
                // drain what the single-event figure left
            }
        }
        for (int done = 0; done < EVENTS; done += BATCH) {
            List<Outbox.Message> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                String account = "brand-" + ((done + i) % 1000);
                batch.add(new Outbox.Message("bench-relay", new PreconditionMet(account, "CONTRACTS_EXPIRED", "s"), md()));
            }
            f.tx.executeWithoutResult(s -> f.outbox.publishAll(batch));
        }
        try (OutboxRelay relay = f.relay(5_000, n -> { })) {
            long start = System.nanoTime();
            int sent = 0;
            int n;
            while ((n = relay.relayOnce()) > 0) {
                sent += n;
            }
            if (sent != EVENTS) {
                throw new IllegalStateException("relay sent " + sent + " of " + EVENTS);
            }
            return sent / seconds(start);
        }
    }

    /**
     * The relay as a service runs it (its loop started, woken in process after each commit by the outbox
     * that knows it) while {@link #RELAY_WRITERS} threads commit outbox rows on a fixed schedule, together
     * {@link #RELAY_RATE} events/s. Per event: the wall-clock moment its transaction's commit returned to the
     * writer, and the broker's append time of its record (the topic is LogAppendTime, same machine and clock),
     * which is when the broker acknowledges it less the reply's trip. The first 3 s warm up and do not count.
     * Returns the rate actually offered, p50, p99 and max in ms.
     */
    static double[] relayLatency(PlatformFixture f, Infrastructure infra) throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> appendedAt = new ConcurrentHashMap<>();
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        var consumer = Bench.consumer(infra, "relay-latency", Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5));
        Thread reader = new Thread(() -> {
            try (consumer) {
                consumer.subscribe(List.of(LATENCY_TOPIC));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        var id = r.headers().lastHeader("event-id");
                        appendedAt.put(new String(id.value(), StandardCharsets.UTF_8), r.timestamp());
                    }
                }
            }
        }, "relay-latency-reader");
        reader.start();
        OutboxRelay[] holder = new OutboxRelay[1];
        try (OutboxRelay relay = f.relay(5_000, n -> { })) {
            holder[0] = relay;
            Outbox outbox = new Outbox(f.jdbc, f.tx, f.json, () -> holder[0], Traces.none());
            relay.start();
            Bench.waitFor("the relay owning the position", Duration.ofSeconds(30), relay::owning);
            int warmSeconds = 3;
            long perWriterTxNanos = (long) (1e9 * RELAY_PER_TX * RELAY_WRITERS / RELAY_RATE);
            long txPerWriter = (warmSeconds + RELAY_SECONDS) * 1_000_000_000L / perWriterTxNanos;
            long start = System.nanoTime() + 100_000_000L;
            long measureFrom = start + warmSeconds * 1_000_000_000L;
            List<String> measured = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService writers = Executors.newFixedThreadPool(RELAY_WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < RELAY_WRITERS; w++) {
                int writer = w;
                // Writers start staggered over one interval, so that the commits spread instead of arriving together.
                long offset = perWriterTxNanos * w / RELAY_WRITERS;
                done.add(writers.submit(() -> {
                    for (long k = 0; k < txPerWriter; k++) {
                        long due = start + offset + k * perWriterTxNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        List<Outbox.Message> batch = new ArrayList<>(RELAY_PER_TX);
                        for (int i = 0; i < RELAY_PER_TX; i++) {
                            String account = "brand-" + writer + "-" + (k % 100);
                            batch.add(new Outbox.Message(LATENCY_TOPIC, new PreconditionMet(account,
                                    "CONTRACTS_EXPIRED", "s"), md()));
                        }
                        f.tx.executeWithoutResult(s -> outbox.publishAll(batch));
                        long committed = System.currentTimeMillis();
                        boolean counts = due >= measureFrom;
                        for (Outbox.Message m : batch) {
                            String id = m.metadata().eventId().toString();
                            committedAt.put(id, committed);
                            if (counts) {
                                measured.add(id);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            double offered = measured.size() / ((System.nanoTime() - measureFrom) / 1e9);
            writers.shutdown();
            Bench.waitFor("every measured record on the broker", Duration.ofMinutes(2),
                    () -> measured.stream().allMatch(appendedAt::containsKey));
            running.set(false);
            reader.join(5_000);
            long[] latencies = measured.stream().mapToLong(id -> appendedAt.get(id) - committedAt.get(id)).toArray();
            return new double[]{offered, Bench.percentile(latencies, 50), Bench.percentile(latencies, 99),
                    Bench.percentile(latencies, 100)};
        } finally {
            running.set(false);
        }
    }

    static double seconds(long startNanos) {
        return Bench.seconds(startNanos);
    }
}
