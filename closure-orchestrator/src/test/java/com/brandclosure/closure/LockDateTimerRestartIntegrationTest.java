package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lock-date timer that falls due while the orchestrator is down fires once it is back, and
 * only once. The orchestrator runs as a plain application here, so it can be stopped and started.
 */
class LockDateTimerRestartIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    static ConfigurableApplicationContext start() {
        var properties = new HashMap<String, Object>(RealInfrastructureContextCustomizerFactory.properties(
                "closure_restart_it"));
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "closure-restart-it");
        properties.put("platform.timers.polling-interval", "PT0.2S");
        // As command-line arguments: they override application.yml, default properties would not.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ClosureOrchestratorApplication.class).run(args);
    }

    @Test
    void aTimerDueWhileTheOrchestratorIsDownFiresOnceAfterRestart() {
        String account = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (var kafka = new KafkaProbe(Topics.CLOSURE)) {
            Instant lockAt;
            try (var app = start()) {
                var json = app.getBean(JsonCodec.class);
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                var http = HttpClient.at(port, json);
                assertThat(http.post("/api/v1/accounts/" + account + "/closure",
                        TestTokens.brandAdmin("brand-admin", account), "{\"reason\":\"moving on\"}").status()).isEqualTo(200);
                lockAt = Instant.now().plusSeconds(8);
                new SummaryEventSender(kafka, json).allPreconditionsHold(account, lockAt);
                await().atMost(PATIENCE).until(() -> "AwaitingLockDate".equals(
                        http.get("/api/v1/closures/" + account, TestTokens.support("support-agent")).text("state")));
            }
            assertThat(Instant.now()).as("the orchestrator stopped before the lock date").isBefore(lockAt);
            await().atMost(PATIENCE).until(() -> Instant.now().isAfter(lockAt.plusSeconds(1)));
            assertThat(kafka.events("ClosureRequested", account)).isEmpty();

            try (var app = start()) {
                var jdbc = app.getBean(JdbcTemplate.class);
                await().atMost(PATIENCE).until(() -> kafka.events("ClosureRequested", account).size() == 1);
                await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                        .until(() -> kafka.events("ClosureRequested", account).size() == 1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = ?",
                        Integer.class, "closure-" + account, "ClosureRequested")).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT actor FROM events WHERE stream_id = ? AND event_type = ?",
                        String.class, "closure-" + account, "ClosureRequested")).isEqualTo("timer:closure-lock-date");
            }
        }
    }
}
