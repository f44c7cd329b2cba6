package com.brandclosure.benchmarks.contracts;

import com.brandclosure.contracts.ContractsApplication;
import com.brandclosure.contracts.application.ContractCommands;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.time.AdjustableClock;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Bulk expiry of 100,000 contracts of one brand in one request, end to end: from sending the
 * request to {@code ContractsExpired} on Kafka, and whether that summary was emitted exactly once.
 * <p>
 * A contract asked to expire "today" expires at 23:59:59 today (DESIGN section 3), so the summary
 * cannot be due before that instant. The harness therefore gives the service a clock two
 * seconds before 23:59:59 (mode {@code scheduled}, the default): the request schedules 100,000
 * expiries, the durable timer fires at 23:59:59, and the figure includes that wait. Mode
 * {@code immediate} ({@code -Dexpiry=immediate}) puts the clock just after 23:59:59, so the
 * request itself expires everything: the pure processing cost of the bulk path.
 * <p>
 * Run: {@code ./mvnw -B -q -pl benchmarks exec:java -Dbenchmark=com.brandclosure.benchmarks.contracts.BulkExpiryBenchmark}
 */
public final class BulkExpiryBenchmark {

    private static final int CONTRACTS = Integer.getInteger("contracts", 100_000);
    private static final int CHUNK = 10_000;

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("expiry", "scheduled");
        Infrastructure infra = Infrastructure.get();
        infra.freshDatabase("contracts_bench");
        String account = "bench-" + Long.toString(System.nanoTime(), 36);

        try (ConfigurableApplicationContext app = start();
             EventCounter kafka = new EventCounter(infra.kafkaAdminProperties(), Topics.CONTRACTS)) {
            var contracts = app.getBean(ContractCommands.class);
            var contexts = app.getBean(CommandContexts.class);
            var jdbc = app.getBean(JdbcTemplate.class);
            var clock = app.getBean(AdjustableClock.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            long setupStart = System.nanoTime();
            for (int done = 0; done < CONTRACTS; done += CHUNK) {
                List<ContractCommands.NewContract> chunk = new ArrayList<>(CHUNK);
                for (int i = done; i < Math.min(CONTRACTS, done + CHUNK); i++) {
                    chunk.add(new ContractCommands.NewContract("partner-" + i, "https://brand.example/p/" + i));
                }
                contracts.createAll(AccountId.of(account), chunk, contexts.forActor("benchmark", null));
            }
            waitFor(Duration.ofMinutes(5), () -> unpublished(jdbc) == 0);
            waitFor(Duration.ofMinutes(2), () -> kafka.count("ContractActivated", account) == CONTRACTS);
            System.out.printf("setup: %,d contracts created and published in %,d ms%n", CONTRACTS,
                    (System.nanoTime() - setupStart) / 1_000_000);

            LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
            Instant endOfDay = day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            Instant standAt = "immediate".equals(mode) ? endOfDay.plusMillis(100) : endOfDay.minusSeconds(2);
            clock.advance(Duration.between(clock.instant(), standAt));

            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/api/v1/accounts/" + account + "/contract-expiries"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + account)
                    .header("Authorization", com.brandclosure.testkit.TestTokens.brandAdmin("benchmark", account))
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
            waitFor(Duration.ofMinutes(2), () -> kafka.count("ContractsExpired", account) > 0);
            // The record's CreateTime: when the relay sent it, independent of this loop's polling.
            long endToEnd = kafka.firstTimestamp("ContractsExpired", account) - start;

            // Give a duplicate summary time to show up before judging "exactly once".
            waitFor(Duration.ofSeconds(3), () -> false);
            int summaries = (int) kafka.count("ContractsExpired", account);
            int expired = (int) kafka.count("ContractExpired", account);

            System.out.printf("mode: %s (expiry instant %s, service clock at request %s)%n", mode, endOfDay,
                    "immediate".equals(mode) ? "23:59:59.100" : "23:59:57");
            System.out.printf("request answered in %,d ms: %s%n", answered - start, response.body());
            System.out.printf("BULK EXPIRY END TO END: %,d contracts, request sent -> ContractsExpired on Kafka: %,d ms "
                    + "(target <= 10,000 ms)%n", CONTRACTS, endToEnd);
            System.out.printf("ContractExpired events on Kafka: %,d; ContractsExpired summaries: %d (%s)%n", expired,
                    summaries, summaries == 1 ? "exactly once" : "NOT exactly once");
        }
        System.exit(0);
    }

    private static long unpublished(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM outbox o, outbox_relay_position p
                WHERE p.relay = 'default' AND (o.tx_id, o.id) > (p.last_tx_id, p.last_id)""", Long.class);
    }

    /** Polls until the condition holds or the time is up (a harness, not a test: a plain loop is enough). */
    private static void waitFor(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(RealInfrastructureContextCustomizerFactory.properties(
                "contracts_bench", "contracts-service"));
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "contracts-bench");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.brandclosure.contracts", "INFO");
        // Command-line arguments: SpringApplicationBuilder.properties(...) would rank below application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ContractsApplication.class, ClockConfig.class).run(args);
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
