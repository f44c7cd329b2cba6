package com.brandclosure.platform.testapp;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.TestEvents;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** A minimal service on the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String TOPIC = "platform-it.events";
    /** Where the test Publication announces counted events. */
    public static final String COUNTED_TOPIC = "platform-it.counted";
    public static final String TIMER = "test-timer";

    /** A counter stream: command = the amount to add; state = the running tally. */
    public static final Decider<Long, TestEvents.Tally, TestEvents.Counted> counter(String accountId) {
        return Decider.of(new TestEvents.Tally(0), (Long n, TestEvents.Tally s) -> {
            if (n == 0) {
                return List.of();
            }
            if (n < 0) {
                throw new IllegalArgumentException("cannot count a negative amount");
            }
            return List.of(new TestEvents.Counted(accountId, n));
        }, (s, e) -> new TestEvents.Tally(s.total() + e.n()));
    }

    /** Created at start-up (KafkaAdmin), like the platform's own topics; the relay publishes only to known topics. */
    @Bean
    org.apache.kafka.clients.admin.NewTopic testTopic() {
        return new org.apache.kafka.clients.admin.NewTopic(TOPIC, 4, (short) 1);
    }

    @Bean
    org.apache.kafka.clients.admin.NewTopic testDeadLetterTopic() {
        return new org.apache.kafka.clients.admin.NewTopic(TOPIC + ".DLT", 4, (short) 1);
    }

    @Bean
    org.apache.kafka.clients.admin.NewTopic countedTopic() {
        return new org.apache.kafka.clients.admin.NewTopic(COUNTED_TOPIC, 4, (short) 1);
    }

    @Bean
    EventTypes testEventTypes() {
        return TestEvents.types();
    }

    @Component
    @TimerKind(TIMER)
    static class TestTimer implements TimerHandler {
        private final JdbcTemplate jdbc;
        private final String instance;

        TestTimer(JdbcTemplate jdbc, @Value("${test.instance:default}") String instance) {
            this.jdbc = jdbc;
            this.instance = instance;
        }

        /**
         * A timer with data "fail" records its attempt and fails until a row in {@code test_fixes}
         * names it (the cause fixed); then it fires like any other. With "fail-transient" it always
         * fails as the infrastructure would.
         */
        @Override
        public void fire(String timerId, String data) {
            if ("fail-transient".equals(data)) {
                jdbc.update("INSERT INTO test_timer_attempts (timer_id) VALUES (?)", timerId);
                // As when the database is briefly unavailable: a failure of the infrastructure.
                throw new org.springframework.dao.TransientDataAccessResourceException("database away on purpose");
            }
            if ("fail".equals(data)) {
                jdbc.update("INSERT INTO test_timer_attempts (timer_id) VALUES (?)", timerId);
                if (jdbc.queryForObject("SELECT count(*) FROM test_fixes WHERE timer_id = ?", Integer.class,
                        timerId) == 0) {
                    throw new IllegalStateException("timer fails on purpose");
                }
            }
            jdbc.update("INSERT INTO test_timer_firings (timer_id, data, instance) VALUES (?, ?, ?)",
                    timerId, data, instance);
        }
    }

    /** Announces every counted event as a PreconditionMet on its own topic. */
    @Component
    static class CountedPublication implements Publication {
        @Override
        public String topic() {
            return COUNTED_TOPIC;
        }

        @Override
        public List<IntegrationEvent> announce(Appended appended) {
            if (appended.event() instanceof TestEvents.Counted c) {
                return List.of(new PreconditionMet(c.accountId(), "counted-" + c.n(), appended.metadata().eventId()
                        .toString()));
            }
            return List.of();
        }
    }

    /** The running total per account, kept by the runner in the command's transaction. */
    @Component
    static class TotalsProjection implements Projection {
        private final JdbcTemplate jdbc;

        TotalsProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void project(List<Appended> appended) {
            for (Appended a : appended) {
                if (a.event() instanceof TestEvents.Counted c && a.streamId().startsWith("counter-")) {
                    TestEvents.Tally tally = a.state();
                    jdbc.update("""
                            INSERT INTO test_projection (account_id, total, version) VALUES (?, ?, ?)
                            ON CONFLICT (account_id) DO UPDATE SET total = excluded.total, version = excluded.version""",
                            c.accountId(), tally.total(), a.version());
                }
            }
        }
    }

    @Component
    public static class Listener {
        public static final String PURPOSE = "test-events";

        /** Precondition that makes the handler publish a PreconditionMet "echoed" on COUNTED_TOPIC (TracingIT). */
        public static final String ECHO = "echo";
        /** Per handled event id: the MDC traceId and the tracer's current span (as a traceparent) in the handler. */
        public static final java.util.Map<String, List<String>> SEEN_TRACES = new java.util.concurrent.ConcurrentHashMap<>();
        private final InboundBatches.Subscription subscription;

        Listener(InboundBatches inbound, JdbcTemplate jdbc, com.brandclosure.platform.tracing.Traces traces) {
            subscription = inbound.subscribe(PURPOSE, List.of(PreconditionMet.class),
                    AccountHandler.each((event, work) -> {
                        if (event.event() instanceof PreconditionMet pm && "fail".equals(pm.precondition())) {
                            throw new IllegalStateException("handler fails for this event on purpose");
                        }
                        if (event.event() instanceof PreconditionMet pm && "fail-until-fixed".equals(pm.precondition())
                                && jdbc.queryForObject("SELECT count(*) FROM test_account_fixes WHERE account_id = ?",
                                Integer.class, event.accountId()) == 0) {
                            throw new IllegalStateException("handler fails for this account until it is fixed");
                        }
                        SEEN_TRACES.put(event.eventId(), java.util.Arrays.asList(
                                org.slf4j.MDC.get("traceId"), traces.current()));
                        if (event.event() instanceof PreconditionMet pm && ECHO.equals(pm.precondition())) {
                            work.publish(COUNTED_TOPIC, new PreconditionMet(event.accountId(), "echoed",
                                    event.eventId()), new com.brandclosure.platform.eventstore.EventMetadata(
                                    java.util.UUID.nameUUIDFromBytes(("echo/" + event.eventId()).getBytes(
                                            java.nio.charset.StandardCharsets.UTF_8)), "listener",
                                    event.metadata().correlationId(), event.eventId(),
                                    event.metadata().occurredAt()));
                        }
                        jdbc.update("INSERT INTO test_effects (event_id, account_id) VALUES (?, ?)", event.eventId(),
                                event.accountId());
                    }));
        }

        @KafkaListener(topics = TOPIC, batch = "true")
        void on(List<ConsumerRecord<String, String>> records) {
            subscription.accept(records);
        }
    }
}
