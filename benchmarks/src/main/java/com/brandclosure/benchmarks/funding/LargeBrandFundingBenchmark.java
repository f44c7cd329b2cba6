package com.brandclosure.benchmarks.funding;

import com.brandclosure.benchmarks.Bench;
import com.brandclosure.events.ActionApproved;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.FundingApplication;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One large brand: {@code -Dcosts} (default 200,000; run-all.sh passes a smaller size unless {@code --full})
 * approved costs of one brand published on payouts.events as payouts-service would, consumed by
 * funding-service's real listener path (batch consumer, command runner, event store, snapshots, outbox),
 * in-process on this JVM's real Kafka and PostgreSQL (production durability). Each cost is 1 minor unit, so
 * the {@code requiredMinor} of funding's {@code RequiredFundingChanged} counts the costs applied so far.
 * <p>
 * Printed: costs/s over the whole run (first cost sent → required equal to all costs), and costs/s over the
 * first and the last 10 % of the costs, whose ratio shows whether the per-event cost grows with the number
 * of open costs the account already holds. The harness gives up waiting after {@code -Dfunding.large.maxMinutes}
 * (default 8) and then reports the figures over the costs applied by then ({@code completed false}).
 */
public final class LargeBrandFundingBenchmark {

    static final int COSTS = Integer.getInteger("costs", 200_000);
    static final Duration MAX_WAIT = Duration.ofMinutes(Integer.getInteger("funding.large.maxMinutes", 8));

    public static void main(String[] args) {
        Bench.main("LargeBrandFundingBenchmark", LargeBrandFundingBenchmark::run);
    }

    /** A point of progress: when (nanoTime) funding announced {@code required} minor units = costs applied. */
    record Progress(long at, long required) {
    }

    static void run() throws Exception {
        Infrastructure infra = Bench.infrastructure();
        infra.freshDatabase("funding_large_bench");
        String brand = "large-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Progress> progress = new CopyOnWriteArrayList<>();
        try (ConfigurableApplicationContext funding = Bench.start(
                Bench.serviceProperties("funding_large_bench", "funding-service", "funding"), FundingApplication.class);
             var producer = Bench.producer(infra, Map.of(ProducerConfig.LINGER_MS_CONFIG, 5,
                     ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
             var consumer = Bench.consumer(infra, "large-brand", Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000))) {
            JsonCodec json = funding.getBean(JsonCodec.class);
            JsonMapper mapper = funding.getBean(JsonMapper.class);
            open(Bench.port(funding), brand);

            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                consumer.subscribe(List.of(Topics.FUNDING));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        var type = r.headers().lastHeader("event-type");
                        if (brand.equals(r.key()) && type != null
                                && "RequiredFundingChanged".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            long required = mapper.readTree(r.value()).get("payload").get("requiredMinor").asLong();
                            progress.add(new Progress(System.nanoTime(), required));
                        }
                    }
                }
            }, "large-brand-watcher");
            watcher.setDaemon(true);
            watcher.start();

            Instant now = Instant.now();
            LocalDate lockDate = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30);
            LocalDate clearingDate = lockDate.plusDays(30);
            Instant clearingAt = clearingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
            System.out.printf("publishing %,d approved costs of brand %s%n", COSTS, brand);
            long start = System.nanoTime();
            for (int n = 0; n < COSTS; n++) {
                producer.send(Bench.record(json, Topics.PAYOUTS, new ActionApproved(brand, "a-" + n, 1, "EUR",
                        lockDate, clearingDate, clearingAt), now));
            }
            producer.flush();
            System.out.printf("published in %.1f s%n", Bench.seconds(start));
            long deadline = start + MAX_WAIT.toNanos();
            while (last(progress) < COSTS && System.nanoTime() < deadline) {
                Thread.sleep(100); // a harness waiting for its figure, not a test
            }
            running.set(false);
            watcher.join(5_000);

            long applied = last(progress);
            if (applied == 0) {
                throw new IllegalStateException("funding applied no cost in " + MAX_WAIT);
            }
            boolean completed = applied >= COSTS;
            long end = progress.getLast().at();
            long tenth = Math.max(1, applied / 10);
            // Measured between announcements (one per poll): the first that reached 10 %, and the last at or
            // below 90 % (or the start), so that each span holds whole batches.
            Progress firstTenth = progress.stream().filter(p -> p.required() >= tenth).findFirst().orElseThrow();
            Progress lastTenthFrom = progress.stream().filter(p -> p.required() <= applied - tenth)
                    .reduce((a, b) -> b).orElse(new Progress(start, 0));
            double overall = applied / ((end - start) / 1e9);
            double firstRate = firstTenth.required() / ((firstTenth.at() - start) / 1e9);
            double lastRate = (applied - lastTenthFrom.required()) / ((end - lastTenthFrom.at()) / 1e9);
            System.out.printf("%n=== LargeBrandFundingBenchmark: one brand, %,d open costs (%s) ===%n", applied,
                    completed ? "all applied" : "NOT all applied: gave up after " + MAX_WAIT);
            System.out.printf("funding applied %,.0f costs/s overall; first 10 %%: %,.0f costs/s, last 10 %%: %,.0f costs/s"
                    + " (ratio last/first %.2f)%n", overall, firstRate, lastRate, lastRate / firstRate);
            Bench.durability(funding.getBean(JdbcTemplate.class));
            Bench.result("funding.large_brand.costs", applied, "costs");
            Bench.result("funding.large_brand.completed", completed, "");
            Bench.result("funding.large_brand.costs_per_s", overall, "costs/s");
            Bench.result("funding.large_brand.first_10pct_costs_per_s", firstRate, "costs/s");
            Bench.result("funding.large_brand.last_10pct_costs_per_s", lastRate, "costs/s");
            Bench.result("funding.large_brand.last_to_first_ratio", lastRate / firstRate, "");
        }
    }

    private static long last(List<Progress> progress) {
        return progress.isEmpty() ? 0 : progress.getLast().required();
    }

    /** Opens the brand's funding account in EUR, as the brand's admin would (here a SERVICE caller). */
    private static void open(int port, String brand) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/accounts/" + brand + "/funding"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.service("benchmark"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"currency\":\"EUR\",\"zone\":\"UTC\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("opening the funding account: " + response.statusCode() + " "
                    + response.body());
        }
    }
}
