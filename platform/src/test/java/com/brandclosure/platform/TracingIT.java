package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.platform.tracing.Traces;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.brandclosure.platform.testapp.PlatformTestApplication.COUNTED_TOPIC;
import static com.brandclosure.platform.testapp.PlatformTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across the outbox and Kafka (platform.tracing), on the real broker and database: a unit of
 * work run inside a span stores that span's traceparent on its outbox row, the relay sends it as the
 * {@code traceparent} header, the test app's batch consumer handles the record inside a child span of the
 * same trace (tracer and MDC), and the event that handling publishes carries the consumer's span.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@RealInfrastructure(database = "platform_it")
class TracingIT {

    static KafkaProbe probe;

    @Autowired
    Tracer tracer;
    @Autowired
    CommandRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(TOPIC, COUNTED_TOPIC);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    String outboxTraceparent(String topic, String account) {
        List<String> rows = jdbc.queryForList("SELECT traceparent FROM outbox WHERE topic = ? AND message_key = ?",
                String.class, topic, account);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void the_trace_of_the_unit_of_work_goes_through_the_outbox_and_kafka_into_the_consumer_and_what_it_publishes() {
        String account = "acct-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Span request = tracer.nextSpan().name("test-request").start();
        String requestTraceparent;
        try (var inScope = tracer.withSpan(request)) {
            requestTraceparent = Traces.format(request.context());
            runner.runInAccount(account, work -> work.publish(TOPIC,
                    new PreconditionMet(account, PlatformTestApplication.Listener.ECHO, "src"),
                    new EventMetadata(eventId, "tester", "corr-" + account, null, Instant.now())));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(requestTraceparent).isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");

        // 1. the outbox row keeps the span that caused it
        assertThat(outboxTraceparent(TOPIC, account)).isEqualTo(requestTraceparent);

        // 2. the relay sends it as the traceparent header
        await().atMost(Duration.ofSeconds(30)).until(() -> !probe.records(r -> account.equals(r.key())
                && r.topic().equals(TOPIC)).isEmpty());
        var sent = probe.records(r -> account.equals(r.key()) && r.topic().equals(TOPIC)).get(0);
        assertThat(KafkaProbe.header(sent, Traces.HEADER)).isEqualTo(requestTraceparent);

        // 3. the consumer handles it in a span of the same trace: the MDC (log lines) and the tracer agree
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PlatformTestApplication.Listener.SEEN_TRACES.containsKey(eventId.toString()));
        List<String> seen = PlatformTestApplication.Listener.SEEN_TRACES.get(eventId.toString());
        String mdcTraceId = seen.get(0);
        String handlerTraceparent = seen.get(1);
        assertThat(mdcTraceId).isEqualTo(traceId);
        assertThat(Traces.traceIdOf(handlerTraceparent)).isEqualTo(traceId);
        assertThat(handlerTraceparent).as("the consumer's own span, a child of the request's")
                .isNotEqualTo(requestTraceparent);

        // 4. what the consumer publishes carries its span, and the relay sends that on
        await().atMost(Duration.ofSeconds(30)).until(() -> !probe.records(r -> account.equals(r.key())
                && r.topic().equals(COUNTED_TOPIC)).isEmpty());
        assertThat(outboxTraceparent(COUNTED_TOPIC, account)).isEqualTo(handlerTraceparent);
        var echoed = probe.records(r -> account.equals(r.key()) && r.topic().equals(COUNTED_TOPIC)).get(0);
        assertThat(KafkaProbe.header(echoed, Traces.HEADER)).isEqualTo(handlerTraceparent);
    }

    @Test
    void a_unit_of_work_without_a_span_stores_no_traceparent_and_the_consumer_starts_a_trace_of_its_own() {
        assertThat(tracer.currentSpan()).isNull();
        String account = "acct-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        runner.runInAccount(account, work -> work.publish(TOPIC, new PreconditionMet(account, "untraced", "src"),
                new EventMetadata(eventId, "tester", "corr-" + account, null, Instant.now())));
        assertThat(outboxTraceparent(TOPIC, account)).isNull();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                PlatformTestApplication.Listener.SEEN_TRACES.containsKey(eventId.toString()));
        var sent = probe.records(r -> account.equals(r.key()) && r.topic().equals(TOPIC)).get(0);
        assertThat(KafkaProbe.header(sent, Traces.HEADER)).isNull();
        List<String> seen = PlatformTestApplication.Listener.SEEN_TRACES.get(eventId.toString());
        assertThat(seen.get(0)).isNotBlank();
        assertThat(Traces.traceIdOf(seen.get(1))).isEqualTo(seen.get(0));
    }
}
