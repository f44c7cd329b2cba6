package com.brandclosure.contracts;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scheduled expiry survives a restart: the service schedules it, stops, starts again, and the
 * durable timer fires exactly once in the new instance.
 */
class ScheduledExpiryRestartTest {

    private static final String DATABASE = "contracts_restart";

    @Test
    void a_pending_scheduled_expiry_fires_once_after_a_restart() {
        Infrastructure.get().freshDatabase(DATABASE);
        String account = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        String contractId;

        try (KafkaProbe kafka = new KafkaProbe(Topics.CONTRACTS)) {
            try (ConfigurableApplicationContext first = start()) {
                first.getBean(TestClock.class).set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
                Http http = http(first, account);
                var created = http.post("/api/v1/accounts/" + account + "/contracts",
                        "{\"partnerId\":\"p1\",\"landingUrl\":\"https://brand.example/\"}");
                assertThat(created.getStatusCode().value()).isEqualTo(201);
                contractId = created.getBody().replaceAll(".*\"contractId\":\"([^\"]+)\".*", "$1");
                var expiry = http.post("/api/v1/accounts/" + account + "/contract-expiries", """
                        {"expireOn":"%s","acknowledgeIrreversible":true}""".formatted(day));
                assertThat(expiry.getStatusCode().value()).as(expiry.getBody()).isEqualTo(200);
                assertThat(timersPending(first)).isEqualTo(1);
            }
            assertThat(kafka.events("ContractExpired", account)).isEmpty();

            try (ConfigurableApplicationContext second = start()) {
                // Two seconds before the expiry instant, in the restarted instance.
                second.getBean(TestClock.class).set(day.atTime(23, 59, 57).toInstant(ZoneOffset.UTC));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> kafka.events("ContractsExpired", account).size() == 1);
                assertThat(kafka.events("ContractExpired", account)).hasSize(1);
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = ?",
                        Long.class, "contract-" + contractId, "ContractExpired")).isEqualTo(1L);
                assertThat(timersPending(second)).isZero();
            }
        }
    }

    private static long timersPending(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'contract-expiry'", Long.class);
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(RealInfrastructureContextCustomizerFactory.properties(DATABASE));
        properties.put("server.port", "0");
        properties.put("platform.timers.polling-interval", "200ms");
        // Its own consumer group, so it never takes closure.events partitions from another test's context.
        properties.put("spring.kafka.consumer.group-id", "contracts-restart-test");
        // As command-line arguments: builder.properties(...) would only be defaults, below application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ContractsApplication.class, TestClock.Config.class).run(args);
    }

    private static Http http(ConfigurableApplicationContext app, String account) {
        return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                TestTokens.brandAdmin("ann", account));
    }
}
