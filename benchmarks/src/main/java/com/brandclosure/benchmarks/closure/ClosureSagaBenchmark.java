package com.brandclosure.benchmarks.closure;

import com.brandclosure.benchmarks.Bench;
import com.brandclosure.closure.ClosureOrchestratorApplication;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Many brands closing. The orchestrator runs in-process on this JVM's real Kafka and PostgreSQL (production
 * durability); brands initiate their closure over HTTP (before the clock starts), then their four summary
 * events each (lock date already passed) are published. Two phases:
 * <ul>
 *   <li><b>burst</b>: {@code -Dbrands} brands' summaries sent as fast as the producer takes them; the figure
 *       is closures per second reaching ClosureRequested (first summary sent → last ClosureRequested on the
 *       broker);</li>
 *   <li><b>paced</b>: brands' summaries sent at a steady rate ({@code -Dsaga.paced.rate}, default the target
 *       1,000/s, lowered to 80 % of the burst figure when the burst did not reach it, so that the orchestrator
 *       keeps up and the latency is the step's, not a backlog's) for {@code -Dsaga.paced.seconds}; the figure is
 *       the step latency per brand: the broker timestamp of its last summary record → the broker timestamp of
 *       its ClosureRequested. The five topics are set to {@code LogAppendTime}, so both ends are broker time.</li>
 * </ul>
 * {@code -Dwarmup=N} brands run first and do not count (default 500).
 */
public final class ClosureSagaBenchmark {

    private static final String CLOSURE_REQUESTED = "ClosureRequested";
    static final int TARGET_RATE = 1_000;

    public static void main(String[] args) {
        Bench.main("ClosureSagaBenchmark", ClosureSagaBenchmark::run);
    }

    static void run() throws Exception {
        int brands = Integer.getInteger("brands", 10_000);
        int warmup = Integer.getInteger("warmup", 500);
        int pacedSeconds = Integer.getInteger("saga.paced.seconds", 20);
        Infrastructure infra = Bench.infrastructure();
        Bench.brokerTimestamps(infra, Topics.CONTRACTS, Topics.FUNDING, Topics.CATALOG, Topics.PAYOUTS, Topics.CLOSURE);
        infra.freshDatabase("closure_bench");

        var properties = Bench.serviceProperties("closure_bench", "closure-orchestrator", "closure");
        properties.put("spring.kafka.consumer.properties.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RangeAssignor");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        properties.put("platform.outbox.poll-interval", "50ms");
        try (ConfigurableApplicationContext app = Bench.start(properties, ClosureOrchestratorApplication.class);
             var consumer = closureConsumer(infra);
             var producer = Bench.producer(infra, Map.of(ProducerConfig.LINGER_MS_CONFIG, "1"))) {
            JsonCodec json = app.getBean(JsonCodec.class);
            var rest = RestClient.create("http://localhost:" + Bench.port(app));
            var received = new Receiver(consumer);
            received.start();

            if (warmup > 0) {
                run("warm-up", "warm", warmup, rest, json, producer, received, 0);
            }
            Phase burst = run("burst", "burst", brands, rest, json, producer, received, 0);
            double burstRate = burst.closuresPerSecond();
            double pacedRate = Integer.getInteger("saga.paced.rate",
                    burstRate >= TARGET_RATE ? TARGET_RATE : (int) Math.max(10, Math.floor(0.8 * burstRate)));
            int pacedBrands = (int) Math.max(100, pacedRate * pacedSeconds);
            Phase paced = run("paced", "paced", pacedBrands, rest, json, producer, received, pacedRate);
            received.stop();

            Bench.durability(app.getBean(JdbcTemplate.class));
            Bench.result("saga.burst.brands", brands, "brands");
            Bench.result("saga.burst.closures_per_s", burstRate, "closures/s");
            Bench.result("saga.burst.step_p50_ms", burst.stepP50Ms(), "ms");
            Bench.result("saga.burst.step_p99_ms", burst.stepP99Ms(), "ms");
            Bench.result("saga.paced.rate_closures_per_s", pacedRate, "closures/s");
            Bench.result("saga.paced.sent_closures_per_s", paced.sentPerSecond(), "closures/s");
            Bench.result("saga.paced.step_p50_ms", paced.stepP50Ms(), "ms");
            Bench.result("saga.paced.step_p99_ms", paced.stepP99Ms(), "ms");
        }
    }

    /** One phase's figures. */
    record Phase(double closuresPerSecond, double sentPerSecond, double stepP50Ms, double stepP99Ms) {
    }

    /**
     * Initiates {@code count} closures, then sends each brand's four summaries: back to back
     * ({@code brandsPerSecond} 0) or one brand every {@code 1/brandsPerSecond} s.
     */
    private static Phase run(String label, String prefix, int count, RestClient rest, JsonCodec json,
                             KafkaProducer<String, String> producer, Receiver received, double brandsPerSecond)
            throws Exception {
        String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(run + "-" + i);
        }
        // Security is on: each brand's admin initiates with a JWT naming its account, signed before the
        // clock starts so that the client's signing is not the service's time.
        Map<String, String> adminTokens = new HashMap<>();
        for (String account : accounts) {
            adminTokens.put(account, TestTokens.brandAdmin("brand-admin-" + account, account));
        }
        long initiateStart = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (String account : accounts) {
                done.add(pool.submit(() -> rest.post().uri("/api/v1/accounts/{a}/closure", account)
                        .header("Authorization", adminTokens.get(account)).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"reason\":\"benchmark\"}").retrieve().toBodilessEntity()));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double initiateSeconds = Bench.seconds(initiateStart);

        Map<String, List<Future<RecordMetadata>>> summaries = new HashMap<>();
        Instant lockAt = Instant.now().minus(1, ChronoUnit.HOURS);
        LocalDate lockDate = LocalDate.ofInstant(lockAt, ZoneOffset.UTC);
        long publishStartMillis = System.currentTimeMillis();
        long paceStart = System.nanoTime();
        int sent = 0;
        for (String account : accounts) {
            if (brandsPerSecond > 0) {
                long wait = paceStart + (long) (sent * 1e9 / brandsPerSecond) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            sent++;
            Instant asOf = Instant.now();
            // Each brand's first summary of each source: source version 1.
            summaries.put(account, List.of(
                    send(producer, json, Topics.CONTRACTS, new ContractsExpired(account, asOf, 1)),
                    send(producer, json, Topics.FUNDING, new FundingSufficient(account, 10_000, 0, "EUR", asOf, 1)),
                    send(producer, json, Topics.CATALOG, new CatalogsDeleted(account, asOf, 1)),
                    send(producer, json, Topics.PAYOUTS, new PayoutsSettled(account, lockDate, lockAt, asOf, 1))));
        }
        producer.flush();
        double sendSeconds = Bench.seconds(paceStart);

        Bench.waitFor(label + ": ClosureRequested for every brand", Duration.ofMinutes(10),
                () -> received.hasAll(accounts));
        List<Long> steps = new ArrayList<>(count);
        long lastRequested = publishStartMillis;
        for (String account : accounts) {
            long lastSummary = 0;
            for (Future<RecordMetadata> ack : summaries.get(account)) {
                lastSummary = Math.max(lastSummary, ack.get().timestamp()); // LogAppendTime: the broker's
            }
            long requested = received.requestedAt.get(account);
            steps.add(requested - lastSummary);
            lastRequested = Math.max(lastRequested, requested);
        }
        double seconds = (lastRequested - publishStartMillis) / 1e3;
        var phase = new Phase(count / seconds, count / sendSeconds, Bench.percentile(steps, 50),
                Bench.percentile(steps, 99));
        System.out.printf("%n=== ClosureSagaBenchmark %s: %d brands, 4 summary events each, lock date passed%s ===%n",
                label, count, brandsPerSecond > 0 ? String.format(", paced at %.0f brands/s", brandsPerSecond) : "");
        System.out.printf("initiations over HTTP:               %.0f/s (%.1f s)%n", count / initiateSeconds,
                initiateSeconds);
        System.out.printf("summaries sent:                      %.0f brands/s (%.2f s)%n", phase.sentPerSecond(),
                sendSeconds);
        System.out.printf("closures reaching ClosureRequested:  %.0f closures/s (%.2f s, first summary sent -> last"
                + " ClosureRequested on the broker)%n", phase.closuresPerSecond(), seconds);
        System.out.printf("step, last summary -> ClosureRequested (broker times): p50 %.0f ms  p99 %.0f ms  max %d ms%n",
                phase.stepP50Ms(), phase.stepP99Ms(), Bench.percentile(steps, 100));
        return phase;
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, JsonCodec json, String topic,
                                               IntegrationEvent event) {
        return producer.send(Bench.record(json, topic, event, Instant.now()));
    }

    /** Consumes closure.events and notes, per account, the broker timestamp of its ClosureRequested. */
    private static final class Receiver {
        private final KafkaConsumer<String, String> consumer;
        final Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private Thread thread;

        Receiver(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        void start() {
            consumer.subscribe(List.of(Topics.CLOSURE));
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        var type = r.headers().lastHeader("event-type");
                        if (type != null && CLOSURE_REQUESTED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            requestedAt.putIfAbsent(r.key(), r.timestamp());
                        }
                    }
                }
            }, "closure-requested-receiver");
            thread.start();
        }

        boolean hasAll(List<String> accounts) {
            return accounts.stream().allMatch(requestedAt::containsKey);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    private static KafkaConsumer<String, String> closureConsumer(Infrastructure infra) {
        return Bench.consumer(infra, "closure-requested", Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5"));
    }
}
