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
    @Autowired
    com.brandclosure.platform.inbox.InboundBatches inbound;
    @Autowired
    com.brandclosure.platform.json.JsonCodec json;

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

    /** A record as the relay sends it: envelope value, event-id/event-type headers, and the cause's traceparent. */
    org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record(String account, String what, UUID id,
                                                                               String traceparent, long offset) {
        var event = new PreconditionMet(account, what, "src");
        var envelope = new com.brandclosure.platform.outbox.Envelope(id.toString(), "PreconditionMet", 1, account,
                Instant.now(), "tester", "corr-" + account, null, json.tree(event));
        var record = new org.apache.kafka.clients.consumer.ConsumerRecord<>(TOPIC, 0, offset, account,
                json.write(envelope));
        record.headers().add("event-type", "PreconditionMet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add(Traces.HEADER, traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }

    static String traceparent() {
        return "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-01";
    }

    /**
     * A poll mixing several traces (the batch path, fed directly with the records the relay would send):
     * each account is handled in a span of its first record's trace, and what it publishes carries that
     * span, so two accounts in one poll keep their own traces.
     */
    @Test
    void in_a_poll_of_several_traces_each_account_continues_its_first_records_trace() {
        String a = "acct-" + UUID.randomUUID();
        String b = "acct-" + UUID.randomUUID();
        String a1 = traceparent();
        String a2 = traceparent();
        String b1 = traceparent();
        java.util.Map<String, String> handledIn = new java.util.concurrent.ConcurrentHashMap<>();
        var subscription = inbound.subscribe("tracing-mixed-" + UUID.randomUUID(), List.of(PreconditionMet.class),
                com.brandclosure.platform.inbox.AccountHandler.each((event, work) -> {
                    handledIn.put(event.eventId(), tracer.currentSpan() == null ? "none"
                            : Traces.format(tracer.currentSpan().context()));
                    work.publish(COUNTED_TOPIC, new PreconditionMet(event.accountId(), "echoed", event.eventId()),
                            new EventMetadata(UUID.randomUUID(), "listener", "corr", event.eventId(), Instant.now()));
                }));
        UUID ea1 = UUID.randomUUID();
        UUID eb1 = UUID.randomUUID();
        UUID ea2 = UUID.randomUUID();
        subscription.accept(List.of(record(a, "one", ea1, a1, 1), record(b, "one", eb1, b1, 2),
                record(a, "two", ea2, a2, 3)));

        assertThat(Traces.traceIdOf(handledIn.get(ea1.toString()))).isEqualTo(Traces.traceIdOf(a1));
        assertThat(handledIn.get(ea2.toString())).as("the account's later record: same span, the first record's trace")
                .isEqualTo(handledIn.get(ea1.toString()));
        assertThat(Traces.traceIdOf(handledIn.get(eb1.toString()))).isEqualTo(Traces.traceIdOf(b1));
        List<String> aRows = jdbc.queryForList("SELECT traceparent FROM outbox WHERE topic = ? AND message_key = ?",
                String.class, COUNTED_TOPIC, a);
        assertThat(aRows).hasSize(2).containsOnly(handledIn.get(ea1.toString()));
        assertThat(outboxTraceparent(COUNTED_TOPIC, b)).isEqualTo(handledIn.get(eb1.toString()));
    }
}
