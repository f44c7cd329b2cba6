package com.brandclosure.benchmarks;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.PlatformFixture;
import com.brandclosure.platform.TestEvents;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.outbox.OutboxRelay;
import com.brandclosure.testkit.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Platform figures on this machine, all in one run on the same broker and database:
 * the limits (raw batched PostgreSQL inserts, raw Kafka producer), event-store appends
 * (single-event transactions with latency percentiles, and batched), and the outbox relay from
 * commit to broker acknowledgement. Prints each figure and its ratio to the limit.
 * <p>
 * Run: {@code ./mvnw -B -q -pl benchmarks -am install -DskipTests && ./mvnw -B -q -pl benchmarks exec:java}
 * (sizes: {@code -Dbench.events=200000}).
 */
public final class PlatformBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    static final int BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Throwable e) {
            // exec:java would otherwise wait forever for the broker's non-daemon threads.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run() throws Exception {
        Infrastructure infra = Infrastructure.get();
        System.out.printf("infrastructure: %s, %d cores%n", infra.path(), Runtime.getRuntime().availableProcessors());
        infra.createTopics("bench-raw", "bench-single", "bench-relay");
        try (var fixture = new PlatformFixture("bench_platform", TestEvents.types(), 8)) {
            String payload = fixture.json.write(envelopeLike());

            double rawInsert = rawBatchedInsert(fixture, payload);
            double rawKafka = rawProducer(infra.kafkaAdminProperties(), payload);
            double[] alone = singleEventAppends(fixture, 1, false);
            double[] single = singleEventAppends(fixture, 4, true);
            double batched = batchedAppends(fixture);
            double relay = relay(fixture);

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
        int perThread = Math.min(EVENTS, 20_000) / threads;
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

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
