package com.brandclosure.benchmarks.payouts;

import com.brandclosure.benchmarks.Bench;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.FundingApplication;
import com.brandclosure.payouts.PayoutsApplication;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Ingests 200,000 actions for 1,000 brands through the ingest topic, approves them in batches
 * over REST, and measures: actions/s ingested (until all are committed) and approved (end to
 * end: until every approval response returned), then the delay from the last approval to the
 * last brand's PayoutsSettled, to funding-service having caught up (RequiredFundingChanged equal
 * to the brand's total), and to the matching FundingSufficient once each brand deposited its
 * total (brands start unfunded, so the approvals make them insufficient first).
 * <p>
 * PostgreSQL at production durability ({@link Bench#infrastructure()}). Run: {@code benchmarks/run-all.sh}, or
 * alone as the benchmarks README says. Sizes: -Dbrands=, -DactionsPerBrand=.
 */
public final class PayoutsFundingBenchmark {

    static final int BRANDS = Integer.getInteger("brands", 1_000);
    static final int PER_BRAND = Integer.getInteger("actionsPerBrand", 200);
    static final int HTTP_THREADS = 4;
    /** The benchmark calls the services as an internal SERVICE caller, with a real JWT the services trust. */
    static final String AUTHORIZATION = TestTokens.service("benchmark");

    public static void main(String[] args) {
        Bench.main("PayoutsFundingBenchmark", PayoutsFundingBenchmark::run);
    }

    static void run() throws Exception {
        Infrastructure infra = Bench.infrastructure();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        infra.freshDatabase("payouts_bench");
        infra.freshDatabase("funding_bench");
        var payouts = start(PayoutsApplication.class, "payouts_bench", "payouts-service", "payouts");
        var funding = start(FundingApplication.class, "funding_bench", "funding-service", "funding");
        String payoutsUrl = "http://localhost:" + payouts.getEnvironment().getProperty("local.server.port");
        String fundingUrl = "http://localhost:" + funding.getEnvironment().getProperty("local.server.port");
        JdbcTemplate payoutsDb = payouts.getBean(JdbcTemplate.class);
        JsonMapper json = payouts.getBean(JsonMapper.class);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_THREADS);
        var watcher = new Watcher(infra.kafkaAdminProperties(), json);

        List<String> brands = new ArrayList<>();
        for (int b = 0; b < BRANDS; b++) {
            brands.add("bench-" + run + "-" + b);
        }
        Map<String, Long> totals = new HashMap<>();
        Instant now = Instant.now();
        System.out.printf("setting up %d brands (settings, funding account, contract)%n", BRANDS);
        try (var producer = producer(infra)) {
            parallel(pool, brands, brand -> {
                send(http, "PUT", payoutsUrl + "/api/v1/accounts/" + brand + "/locking-settings",
                        "{\"lockMonths\":1,\"lockDays\":0,\"referencePeriod\":\"MONTH\",\"paymentSchedulingDays\":15,"
                                + "\"zone\":\"UTC\",\"currency\":\"EUR\"}", 200);
                // The zone payouts-service decides (its locking settings): a funding account opened in another
                // zone would refuse payouts' AccountLocaleDecided.
                send(http, "PUT", fundingUrl + "/api/v1/accounts/" + brand + "/funding",
                        "{\"currency\":\"EUR\",\"zone\":\"UTC\"}", 200);
            });
            for (String brand : brands) {
                producer.send(new ProducerRecord<>(Topics.CONTRACTS, brand, envelope(brand, "ContractActivated",
                        "{\"accountId\":\"" + brand + "\",\"contractId\":\"c-1\",\"partnerId\":\"p-1\",\"activatedAt\":\""
                                + now.minus(Duration.ofDays(60)) + "\"}", now)));
            }
            producer.flush();
            waitFor("contract read model", Duration.ofMinutes(5), () -> count(payoutsDb,
                    "SELECT count(*) FROM contract_periods WHERE account_id LIKE 'bench-" + run + "-%'") == BRANDS);

            // ---- ingest
            int total = BRANDS * PER_BRAND;
            System.out.printf("ingesting %,d actions%n", total);
            long t0 = System.nanoTime();
            for (int n = 0; n < total; n++) {
                String brand = brands.get(n % BRANDS);
                long cost = 100 + (n * 7919L) % 9_900;
                totals.merge(brand, cost, Long::sum);
                Instant eventAt = now.minus(Duration.ofMinutes(5 + n % 600));
                String payload = "{\"accountId\":\"" + brand + "\",\"actionId\":\"a-" + n
                        + "\",\"partnerId\":\"p-1\",\"eventAt\":\"" + eventAt + "\",\"reportedAt\":\"" + now
                        + "\",\"costMinor\":" + cost + ",\"currency\":\"EUR\"}";
                producer.send(new ProducerRecord<>(Topics.ACTIONS_INGEST, brand,
                        envelope(brand, "ConversionTracked", payload, now)));
            }
            producer.flush();
            long sent = System.nanoTime();
            waitFor("all actions recorded", Duration.ofMinutes(30), () -> count(payoutsDb,
                    "SELECT count(*) FROM actions WHERE account_id LIKE 'bench-" + run + "-%'") == total);
            long t1 = System.nanoTime();
            System.out.printf("ingest: sent in %.1f s, recorded in %.1f s -> %,.0f actions/s end to end%n",
                    secs(t0, sent), secs(t0, t1), total / secs(t0, t1));
            waitFor("every brand announced pending", Duration.ofMinutes(10),
                    () -> watcher.pending.size() >= BRANDS);

            // ---- approve: one batch request per brand, all of its actions
            System.out.printf("approving in batches of %d (one request per brand, %d threads)%n", PER_BRAND,
                    HTTP_THREADS);
            Map<String, Long> approvedAt = new ConcurrentHashMap<>();
            long t2 = System.nanoTime();
            parallel(pool, brands, brand -> {
                int b = brands.indexOf(brand);
                StringBuilder ids = new StringBuilder();
                for (int k = 0; k < PER_BRAND; k++) {
                    ids.append(k == 0 ? "" : ",").append("\"a-").append(b + (long) k * BRANDS).append('"');
                }
                String body = send(http, "POST", payoutsUrl + "/api/v1/accounts/" + brand + "/actions/batch",
                        "{\"operation\":\"APPROVE\",\"actionIds\":[" + ids + "]}", 200);
                if (!body.contains("\"changed\":" + PER_BRAND)) {
                    throw new IllegalStateException("not every action approved for " + brand + ": "
                            + body.substring(0, Math.min(300, body.length())));
                }
                approvedAt.put(brand, System.nanoTime());
            });
            long t3 = System.nanoTime();
            System.out.printf("approve: %,d actions in %.1f s -> %,.0f actions/s end to end%n", total,
                    secs(t2, t3), total / secs(t2, t3));

            waitFor("PayoutsSettled for every brand", Duration.ofMinutes(10),
                    () -> brands.stream().allMatch(watcher.settled::containsKey));
            long lastSettled = brands.stream().mapToLong(watcher.settled::get).max().orElseThrow();
            List<Long> perBrand = brands.stream().map(b -> watcher.settled.get(b) - approvedAt.get(b)).sorted().toList();
            System.out.printf("last approval -> last PayoutsSettled: %.0f ms (per brand: p50 %.0f ms, max %.0f ms)%n",
                    ms(t3, lastSettled), perBrand.get(perBrand.size() / 2) / 1e6, perBrand.getLast() / 1e6);

            waitFor("funding caught up (RequiredFundingChanged = brand total)", Duration.ofMinutes(20),
                    () -> brands.stream().allMatch(b -> totals.get(b).equals(watcher.required.get(b))));
            long caughtUp = brands.stream().mapToLong(b -> watcher.requiredAt.get(b)).max().orElseThrow();
            System.out.printf("last approval -> funding caught up with every brand: %.0f ms%n", ms(t3, caughtUp));

            long t4 = System.nanoTime();
            // A card deposit counts once the card processor confirms it (here at once, as a SERVICE caller).
            parallel(pool, brands, brand -> {
                String deposit = "dep-bench-" + brands.indexOf(brand);
                send(http, "POST", fundingUrl + "/api/v1/accounts/" + brand + "/funding/deposits",
                        "{\"depositId\":\"" + deposit + "\",\"method\":\"CARD\",\"amountMinor\":"
                                + totals.get(brand) + ",\"currency\":\"EUR\"}", 201);
                send(http, "POST", fundingUrl + "/api/v1/accounts/" + brand + "/funding/deposits/" + deposit
                        + "/clear", "", 200);
            });
            waitFor("matching FundingSufficient for every brand", Duration.ofMinutes(10),
                    () -> brands.stream().allMatch(b -> totals.get(b).equals(watcher.sufficientRequired.get(b))));
            long lastSufficient = brands.stream().mapToLong(watcher.sufficientAt::get).max().orElseThrow();
            System.out.printf("deposits -> last matching FundingSufficient: %.0f ms; last approval -> last matching "
                            + "FundingSufficient: %.0f ms (includes waiting for catch-up and %d deposits)%n",
                    ms(t4, lastSufficient), ms(t3, lastSufficient), BRANDS);
            Bench.durability(payoutsDb);
            Bench.result("ingest.actions", total, "actions");
            Bench.result("ingest.actions_per_s", total / secs(t0, t1), "actions/s");
            Bench.result("approve.actions_per_s", total / secs(t2, t3), "actions/s");
            Bench.result("payouts.settled_after_last_approval_s", ms(t3, lastSettled) / 1e3, "s");
            Bench.result("funding.catchup_s", Math.max(0, ms(t3, caughtUp)) / 1e3, "s");
            Bench.result("funding.sufficient_after_deposits_s", ms(t4, lastSufficient) / 1e3, "s");
        } finally {
            watcher.close();
            pool.shutdownNow();
            funding.close();
            payouts.close();
        }
    }

    static ConfigurableApplicationContext start(Class<?> app, String database, String name, String migrations) {
        return Bench.start(Bench.serviceProperties(database, name, migrations), app);
    }

    /** Plays the upstream services and the tracking systems: as admin, which may write every topic. */
    static KafkaProducer<String, String> producer(Infrastructure infra) {
        return Bench.producer(infra, Map.of(ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
    }

    static String envelope(String account, String type, String payload, Instant at) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"accountId\":\""
                + account + "\",\"occurredAt\":\"" + at + "\",\"actor\":\"benchmark\",\"payload\":" + payload + "}";
    }

    static String send(HttpClient http, String method, String url, String body, int expected) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", AUTHORIZATION)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface BrandTask {
        void run(String brand) throws Exception;
    }

    static void parallel(ExecutorService pool, List<String> brands, BrandTask task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (String brand : brands) {
            futures.add(pool.submit(() -> {
                task.run(brand);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    static void waitFor(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        Bench.waitFor(what, max, condition);
    }

    static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    /** Follows payouts.events and funding.events, keeping only what the figures need. */
    static final class Watcher implements AutoCloseable {
        final Map<String, Long> pending = new ConcurrentHashMap<>();
        final Map<String, Long> settled = new ConcurrentHashMap<>();
        final Map<String, Long> required = new ConcurrentHashMap<>();
        final Map<String, Long> requiredAt = new ConcurrentHashMap<>();
        final Map<String, Long> sufficientRequired = new ConcurrentHashMap<>();
        final Map<String, Long> sufficientAt = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        Watcher(Map<String, Object> client, JsonMapper json) {
            var config = new HashMap<>(client);
            config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.PAYOUTS, Topics.FUNDING));
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        var h = r.headers().lastHeader("event-type");
                        String type = h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
                        long at = System.nanoTime();
                        switch (type) {
                            case "PayoutsPending" -> pending.put(r.key(), at);
                            case "PayoutsSettled" -> settled.put(r.key(), at);
                            case "RequiredFundingChanged" -> {
                                long req = json.readTree(r.value()).get("payload").get("requiredMinor").asLong();
                                required.put(r.key(), req);
                                requiredAt.put(r.key(), at);
                            }
                            case "FundingSufficient" -> {
                                long req = json.readTree(r.value()).get("payload").get("requiredMinor").asLong();
                                sufficientRequired.put(r.key(), req);
                                sufficientAt.put(r.key(), at);
                            }
                            default -> { }
                        }
                    }
                }
                consumer.close();
            }, "bench-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
