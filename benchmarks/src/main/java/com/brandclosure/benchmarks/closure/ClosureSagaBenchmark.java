package com.brandclosure.benchmarks.closure;

import com.brandclosure.closure.ClosureOrchestratorApplication;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many brands closing at once. The orchestrator runs in-process on the shared real Kafka and
 * PostgreSQL; {@code brands} brands initiate their closure over HTTP, then their four summary
 * events each (lock date already passed) are published as fast as Kafka acknowledges them.
 * Printed: closures per second reaching ClosureRequested, and the delay from each brand's last
 * summary event (when it was produced) to its ClosureRequested (when the relay published it, and
 * when this harness consumed it).
 * <p>
 * {@code -Dbrands=N} (default 10000), {@code -Dwarmup=N} brands run first and not counted (default 500),
 * {@code -Dpace=burst|acked} (default burst): burst sends everything asynchronously, so the
 * delay includes the backlog; acked waits for each brand's four events to be acknowledged
 * before the next brand's, one producer thread, which is "as fast as Kafka takes them" one at a time;
 * {@code rate:N} sends N brands' events per second, to see the delay of a closure when the
 * orchestrator keeps up (no backlog).
 */
public final class ClosureSagaBenchmark {

    private static final String CLOSURE_REQUESTED = "ClosureRequested";

    public static void main(String[] args) throws Exception {
        int brands = Integer.getInteger("brands", 10_000);
        int warmup = Integer.getInteger("warmup", 500);
        String pace = System.getProperty("pace", "burst");
        Infrastructure infra = Infrastructure.get();
        infra.freshDatabase("closure_bench");

        // properties(..) includes TestTokens.properties() (JWT mode, the test key); put explicitly
        // here too so that the app's security settings are visibly part of its command line.
        var properties = new HashMap<String, Object>(RealInfrastructureContextCustomizerFactory.properties("closure_bench",
                "closure-orchestrator"));
        properties.putAll(TestTokens.properties());
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "closure-bench-" + UUID.randomUUID());
        properties.put("logging.level.root", "WARN");
        // Every service jar on this classpath has an application.yml at its root and the first one
        // found wins (not necessarily the orchestrator's), so the orchestrator's settings are repeated here.
        properties.put("spring.application.name", "closure-orchestrator");
        properties.put("spring.flyway.locations", "classpath:db/platform,classpath:db/closure");
        properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        properties.put("spring.kafka.consumer.properties.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RangeAssignor");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        properties.put("platform.outbox.poll-interval", "50ms");
        String[] appArgs = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClosureOrchestratorApplication.class)
                .run(appArgs);
             var consumer = closureConsumer(infra);
             var producer = producer(infra)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JsonCodec json = app.getBean(JsonCodec.class);
            var rest = RestClient.create("http://localhost:" + port);
            var received = new Receiver(consumer);
            received.start();

            if (warmup > 0) {
                run("warm-up", "warm-" + UUID.randomUUID().toString().substring(0, 6), warmup, rest, json, producer,
                        received, pace, false);
            }
            run("measured", "bench-" + UUID.randomUUID().toString().substring(0, 6), brands, rest, json, producer,
                    received, pace, true);
            received.stop();
        }
        System.exit(0);
    }

    private static void run(String label, String prefix, int brands, RestClient rest, JsonCodec json,
                            KafkaProducer<String, String> producer, Receiver received, String pace, boolean print)
            throws Exception {
        List<String> accounts = new ArrayList<>(brands);
        for (int i = 0; i < brands; i++) {
            accounts.add(prefix + "-" + i);
        }
        // Security is on: each brand's admin initiates with a JWT naming its account (the app
        // verifies them with TestTokens' key, set through the command-line args). Signed before
        // the clock starts, so the client's signing is not measured as the service's time.
        Map<String, String> adminTokens = new java.util.HashMap<>();
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
        double initiateSeconds = (System.nanoTime() - initiateStart) / 1e9;

        Map<String, Instant> lastSummarySentAt = new ConcurrentHashMap<>();
        Instant lockAt = Instant.now().minus(1, ChronoUnit.HOURS);
        LocalDate lockDate = LocalDate.ofInstant(lockAt, ZoneOffset.UTC);
        Instant publishStart = Instant.now();
        double brandsPerSecond = pace.startsWith("rate:") ? Double.parseDouble(pace.substring(5)) : 0;
        long paceStart = System.nanoTime();
        int sentBrands = 0;
        for (String account : accounts) {
            if (brandsPerSecond > 0) {
                long due = paceStart + (long) (sentBrands++ * 1e9 / brandsPerSecond);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            Instant asOf = Instant.now();
            // Each brand's first summary of each source: source version 1.
            send(producer, json, Topics.CONTRACTS, new ContractsExpired(account, asOf, 1));
            send(producer, json, Topics.FUNDING, new FundingSufficient(account, 10_000, 0, "EUR", asOf, 1));
            send(producer, json, Topics.CATALOG, new CatalogsDeleted(account, asOf, 1));
            lastSummarySentAt.put(account, Instant.now());
            var last = send(producer, json, Topics.PAYOUTS, new PayoutsSettled(account, lockDate, lockAt, asOf, 1));
            if (pace.equals("acked")) {
                last.get();
            }
        }
        producer.flush();
        Instant publishEnd = Instant.now();

        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!received.hasAll(accounts) && System.nanoTime() < deadline) {
            Thread.sleep(50); // a harness waiting for results, not a test
        }
        if (!print) {
            return;
        }
        List<Long> toPublishMicros = new ArrayList<>();
        List<Long> toConsumeMicros = new ArrayList<>();
        Instant lastRequested = publishStart;
        int missing = 0;
        for (String account : accounts) {
            Arrival a = received.arrivals.get(account);
            if (a == null) {
                missing++;
                continue;
            }
            Instant sent = lastSummarySentAt.get(account);
            toPublishMicros.add(Math.max(0, ChronoUnit.MICROS.between(sent, a.publishedAt())));
            toConsumeMicros.add(ChronoUnit.MICROS.between(sent, a.consumedAt()));
            if (a.consumedAt().isAfter(lastRequested)) {
                lastRequested = a.consumedAt();
            }
        }
        double seconds = Duration.between(publishStart, lastRequested).toNanos() / 1e9;
        System.out.printf("%n=== ClosureSagaBenchmark (%s, pace=%s, %d brands, 4 summary events each, lock date passed) ===%n",
                label, pace, brands);
        System.out.printf("initiations over HTTP:           %.0f/s (%.1f s)%n", brands / initiateSeconds, initiateSeconds);
        System.out.printf("summary events published:        %d in %.2f s (%.0f events/s)%n", brands * 4,
                Duration.between(publishStart, publishEnd).toNanos() / 1e9,
                brands * 4 / (Duration.between(publishStart, publishEnd).toNanos() / 1e9));
        System.out.printf("closures reaching ClosureRequested: %d of %d in %.2f s = %.0f closures/s%n",
                brands - missing, brands, seconds, (brands - missing) / seconds);
        System.out.printf("last summary -> ClosureRequested published (record timestamp, ms precision): p50 %s  p99 %s  max %s%n",
                ms(toPublishMicros, 50), ms(toPublishMicros, 99), ms(toPublishMicros, 100));
        System.out.printf("last summary -> ClosureRequested consumed:                                 p50 %s  p99 %s  max %s%n",
                ms(toConsumeMicros, 50), ms(toConsumeMicros, 99), ms(toConsumeMicros, 100));
    }

    private static Future<?> send(KafkaProducer<String, String> producer, JsonCodec json, String topic,
                                  IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String envelope = json.write(new Envelope(id, EventCatalog.nameOf(event.getClass()), 1, event.accountId(), now,
                "benchmark", id, null, json.tree(event)));
        return producer.send(new ProducerRecord<>(topic, event.accountId(), envelope));
    }

    private static String ms(List<Long> micros, int percentile) {
        if (micros.isEmpty()) {
            return "n/a";
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format("%.1f ms", sorted[Math.max(0, index)] / 1000.0);
    }

    private record Arrival(Instant publishedAt, Instant consumedAt) {
    }

    /** Consumes closure.events and notes, per account, when its ClosureRequested was published and consumed. */
    private static final class Receiver {
        private final KafkaConsumer<String, String> consumer;
        final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private Thread thread;

        Receiver(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        void start() {
            consumer.subscribe(List.of(Topics.CLOSURE));
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        Instant consumedAt = Instant.now();
                        var type = r.headers().lastHeader("event-type");
                        if (type != null && CLOSURE_REQUESTED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            arrivals.putIfAbsent(r.key(), new Arrival(Instant.ofEpochMilli(r.timestamp()), consumedAt));
                        }
                    }
                }
            }, "closure-requested-receiver");
            thread.start();
        }

        boolean hasAll(List<String> accounts) {
            return accounts.stream().allMatch(arrivals::containsKey);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    private static KafkaConsumer<String, String> closureConsumer(Infrastructure infra) {
        var config = new HashMap<>(infra.kafkaAdminProperties());
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "closure-bench-receiver-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(Infrastructure infra) {
        // Plays the summary services (contracts, payouts, funding, catalog): admin writes all their topics.
        var config = new HashMap<>(infra.kafkaAdminProperties());
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "1"));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
