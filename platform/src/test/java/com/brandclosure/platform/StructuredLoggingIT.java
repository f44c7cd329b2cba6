package com.brandclosure.platform;

import com.brandclosure.platform.logging.LogContext;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Structured logs: with {@code logging.structured.format.console=ecs} every line is one JSON object,
 * and the lines of an HTTP request carry {@code accountId} (from the account path) and
 * {@code correlationId} (the request's X-Correlation-Id, or a generated one sent back in the
 * response); {@link LogContext} does the same for code outside a request.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "spring.kafka.consumer.group-id=platform-logging",
                "logging.structured.format.console=ecs"})
@RealInfrastructure(database = "platform_logging")
class StructuredLoggingIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment env;

    RestClient http() {
        return RestClient.create("http://localhost:" + env.getProperty("local.server.port"));
    }

    /** The JSON log line whose message starts with {@code prefix}, once it is written. */
    static JsonNode line(CapturedOutput output, String prefix) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> find(output, prefix), Optional::isPresent).get();
    }

    static Optional<JsonNode> find(CapturedOutput output, String prefix) {
        List<String> lines = output.getOut().lines().filter(l -> l.startsWith("{")).toList();
        for (String l : lines) {
            JsonNode node = JSON.readTree(l);
            if (node.path("message").asString("").startsWith(prefix)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** An ECS field, written flat ({@code "log.level"}) or nested ({@code "log":{"level"}}). */
    static String field(JsonNode line, String dotted) {
        if (line.has(dotted)) {
            return line.get(dotted).asString();
        }
        JsonNode node = line;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? null : node.asString();
    }

    @Test
    void a_request_log_line_is_ecs_json_with_the_account_id_and_the_callers_correlation_id(CapturedOutput output) {
        String correlation = "corr-" + UUID.randomUUID();
        String answer = http().get().uri("/api/v1/accounts/acme/things")
                .header("Authorization", TestTokens.brandAdmin("ann", "acme"))
                .header("X-Correlation-Id", correlation)
                .exchange((req, res) -> res.getHeaders().getFirst("X-Correlation-Id"));
        assertThat(answer).isEqualTo(correlation);

        JsonNode line = line(output, "things of acme for ann");
        assertThat(line.path("accountId").asString()).isEqualTo("acme");
        assertThat(line.path("correlationId").asString()).isEqualTo(correlation);
        // ECS fields
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(field(line, "log.level")).isEqualTo("INFO");
        assertThat(field(line, "log.logger")).isEqualTo("com.brandclosure.platform.testapp.SecuredController");
    }

    @Test
    void without_a_correlation_header_one_is_generated_returned_and_logged(CapturedOutput output) {
        String generated = http().get().uri("/api/v1/accounts/globex/things")
                .header("Authorization", TestTokens.support("sam-" + UUID.randomUUID()))
                .exchange((req, res) -> res.getHeaders().getFirst("X-Correlation-Id"));
        assertThat(generated).isNotBlank();
        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines()
                .filter(l -> l.startsWith("{") && l.contains(generated) && l.contains("things of globex")).findFirst()
                .map(JSON::readTree), Optional::isPresent).get();
        assertThat(line.path("accountId").asString()).isEqualTo("globex");
        assertThat(line.path("correlationId").asString()).isEqualTo(generated);
    }

    @Test
    void log_context_puts_both_ids_for_its_scope_and_restores_the_outer_ones(CapturedOutput output) {
        var log = LoggerFactory.getLogger(StructuredLoggingIT.class);
        String id = UUID.randomUUID().toString();
        try (var outer = LogContext.of("outer-account", "outer-" + id)) {
            try (var inner = LogContext.of("inner-account", "inner-" + id)) {
                log.info("inside {}", id);
                assertThat(LogContext.correlationId()).isEqualTo("inner-" + id);
            }
            log.info("outer again {}", id);
        }
        log.info("outside {}", id);
        assertThat(LogContext.correlationId()).isNull();

        JsonNode inside = line(output, "inside " + id);
        assertThat(inside.path("accountId").asString()).isEqualTo("inner-account");
        assertThat(inside.path("correlationId").asString()).isEqualTo("inner-" + id);
        JsonNode outerAgain = line(output, "outer again " + id);
        assertThat(outerAgain.path("accountId").asString()).isEqualTo("outer-account");
        assertThat(outerAgain.path("correlationId").asString()).isEqualTo("outer-" + id);
        JsonNode outside = line(output, "outside " + id);
        assertThat(outside.has("accountId")).isFalse();
        assertThat(outside.has("correlationId")).isFalse();
    }
}
