package com.brandclosure.benchmarks.contracts;

import com.brandclosure.benchmarks.Bench;
import com.brandclosure.contracts.ContractsApplication;
import com.brandclosure.contracts.application.ContractCommands;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.time.AdjustableClock;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bulk expiry of 100,000 contracts of one brand in one request, end to end, in both modes, on this JVM's real
 * Kafka and PostgreSQL (production durability); whether each summary was emitted exactly once.
 * <p>
 * A contract asked to expire "today" expires at 23:59:59 today (DESIGN section 3), so the summary cannot be
 * due before that instant. The service runs on an adjustable clock:
 * <ul>
 *   <li>{@code scheduled}: the clock stands ten minutes before 23:59:59; the request schedules the expiries;
 *       once it is answered the clock moves to one second before 23:59:59 and the durable timer fires at 23:59:59;
 *       the figure runs from that expiry instant (in real time: the service clock's offset taken off) to
 *       {@code ContractsExpired} on the broker;</li>
 *   <li>{@code immediate}: the clock stands just after 23:59:59, so the request itself expires everything: from
 *       sending the request to {@code ContractsExpired} on the broker, the pure cost of the bulk path.</li>
 * </ul>
 * Each mode has a brand of its own with {@code -Dcontracts} contracts (default 100,000). contracts.events is
 * {@code LogAppendTime}: the summary's timestamp is the broker's. {@code -Dexpiry=scheduled|immediate} runs one
 * mode only.
 */
public final class BulkExpiryBenchmark {

    private static final int CONTRACTS = Integer.getInteger("contracts", 100_000);
    private static final int CHUNK = 10_000;

    public static void main(String[] args) {
        Bench.main("BulkExpiryBenchmark", BulkExpiryBenchmark::run);
    }

    static void run() throws Exception {
        String modes = System.getProperty("expiry", "scheduled,immediate");
        Infrastructure infra = Bench.infrastructure();
        Bench.brokerTimestamps(infra, Topics.CONTRACTS);
        infra.freshDatabase("contracts_bench");
        var properties = Bench.serviceProperties("contracts_bench", "contracts-service", "contracts");
        properties.put("logging.level.com.brandclosure.contracts", "INFO");
        try (ConfigurableApplicationContext app = Bench.start(properties, ContractsApplication.class, ClockConfig.class);
             EventCounter kafka = new EventCounter(infra.kafkaAdminProperties(), Topics.CONTRACTS)) {
            Map<String, Double> seconds = new java.util.LinkedHashMap<>();
            for (String mode : modes.split(",")) {
                seconds.put(mode, expire(app, kafka, mode.strip()));
            }
            Bench.durability(app.getBean(JdbcTemplate.class));
            Bench.result("bulk_expiry.contracts", CONTRACTS, "contracts");
            seconds.forEach((mode, s) -> Bench.result("bulk_expiry." + mode + "_s", s, "s"));
        }
    }

    /** One brand's contracts created, then expired in one request; seconds to ContractsExpired as the mode counts. */
    private static double expire(ConfigurableApplicationContext app, EventCounter kafka, String mode) throws Exception {
        if (!mode.equals("scheduled") && !mode.equals("immediate")) {
            throw new IllegalArgumentException("expiry mode scheduled or immediate: " + mode);
        }
        var contracts = app.getBean(ContractCommands.class);
        var contexts = app.getBean(CommandContexts.class);
        var clock = app.getBean(AdjustableClock.class);
        String account = "bench-" + mode + "-" + Long.toString(System.nanoTime(), 36);

        long setupStart = System.nanoTime();
        for (int done = 0; done < CONTRACTS; done += CHUNK) {
            List<ContractCommands.NewContract> chunk = new ArrayList<>(CHUNK);
            for (int i = done; i < Math.min(CONTRACTS, done + CHUNK); i++) {
                chunk.add(new ContractCommands.NewContract("partner-" + i, "https://brand.example/p/" + i));
            }
            contracts.createAll(AccountId.of(account), chunk, contexts.forActor("benchmark", null));
        }
        Bench.waitFor("every ContractActivated on Kafka", Duration.ofMinutes(5),
                () -> kafka.count("ContractActivated", account) == CONTRACTS);
        System.out.printf("%s: %,d contracts created and published in %,d ms%n", mode, CONTRACTS,
                (System.nanoTime() - setupStart) / 1_000_000);

        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        Instant endOfDay = day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        boolean immediate = "immediate".equals(mode);
        // Scheduled: the request is made well before the expiry instant, so that scheduling 100,000 expiries is
        // over before it; the clock then moves to one second before it.
        Instant standAt = immediate ? endOfDay.plusMillis(100) : endOfDay.minusSeconds(600);
        clock.advance(Duration.between(clock.instant(), standAt));

        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + Bench.port(app) + "/api/v1/accounts/" + account + "/contract-expiries"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + account)
                .header("Authorization", TestTokens.brandAdmin("benchmark", account))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"expireOn":"%s","withdrawSwitches":true,"comment":"Program closed",
                         "acknowledgeIrreversible":true}""".formatted(day)))
                .build();
        long start = System.currentTimeMillis();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long answered = System.currentTimeMillis();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bulk expiry refused: " + response.statusCode() + " " + response.body());
        }
        long expiryInstantMillis = start;
        if (!immediate) {
            clock.advance(Duration.between(clock.instant(), endOfDay.minusSeconds(1)));
            // The service clock runs ahead of the real one by a fixed offset: the real moment it reads endOfDay.
            long offsetMillis = clock.instant().toEpochMilli() - System.currentTimeMillis();
            expiryInstantMillis = endOfDay.toEpochMilli() - offsetMillis;
        }
        Bench.waitFor("ContractsExpired", Duration.ofMinutes(5), () -> kafka.count("ContractsExpired", account) > 0);
        long summaryAt = kafka.firstTimestamp("ContractsExpired", account); // LogAppendTime: the broker's
        double figure = (summaryAt - expiryInstantMillis) / 1e3;

        // Give a duplicate summary time to show up before judging "exactly once" (a harness pause, not a test).
        Thread.sleep(3_000);
        int summaries = (int) kafka.count("ContractsExpired", account);
        int expired = (int) kafka.count("ContractExpired", account);
        System.out.printf("%n=== BulkExpiryBenchmark %s: %,d contracts (expiry instant %s, service clock at request %s) ===%n",
                mode, CONTRACTS, endOfDay, immediate ? "23:59:59.100" : "23:50:00, then 23:59:58 once answered");
        System.out.printf("request answered in %,d ms: %s%n", answered - start, response.body());
        System.out.printf("%s -> ContractsExpired on the broker: %.2f s (target <= 5 s)%n",
                immediate ? "request sent" : "expiry instant", figure);
        System.out.printf("ContractExpired events on Kafka: %,d; ContractsExpired summaries: %d (%s)%n", expired,
                summaries, summaries == 1 ? "exactly once" : "NOT exactly once");
        if (expired != CONTRACTS || summaries != 1) {
            throw new IllegalStateException(mode + ": " + expired + " ContractExpired and " + summaries
                    + " ContractsExpired for " + CONTRACTS + " contracts");
        }
        return figure;
    }

    @Configuration(proxyBeanMethods = false)
    static class ClockConfig {
        /** The platform's clock that moves forward on demand, so the benchmark can stand just before 23:59:59. */
        @Bean
        AdjustableClock benchClock() {
            return new AdjustableClock(Clock.systemUTC());
        }
    }
}
