package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * The orchestrator's integration-test set-up, shared so every such test class runs in one cached
 * Spring context on the real broker and database: a probe on closure.events, an HTTP client on the
 * random port, and a sender of source summary events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=closure-it",
        "platform.timers.polling-interval=PT0.2S"})
@RealInfrastructure(database = "closure_it")
abstract class OrchestratorTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    JsonCodec json;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;
    SummaryEventSender sources;

    @BeforeAll
    static void startProbe() {
        kafka = new KafkaProbe(Topics.CLOSURE);
    }

    @AfterAll
    static void stopProbe() {
        kafka.close();
    }

    @BeforeEach
    void clients() {
        http = HttpClient.at(port, json);
        sources = new SummaryEventSender(kafka, json);
    }
}
