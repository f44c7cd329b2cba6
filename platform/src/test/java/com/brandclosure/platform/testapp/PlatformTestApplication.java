package com.brandclosure.platform.testapp;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.TestEvents;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.timers.TimerHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service on the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String TOPIC = "platform-it.events";
    public static final String TIMER = "test-timer";

    /** Created at start-up (KafkaAdmin), like the platform's own topics. */
    @Bean
    org.springframework.kafka.core.KafkaAdmin.NewTopics testTopics() {
        return new org.springframework.kafka.core.KafkaAdmin.NewTopics(
                new org.apache.kafka.clients.admin.NewTopic(TOPIC, 4, (short) 1),
                new org.apache.kafka.clients.admin.NewTopic(TOPIC + ".DLT", 4, (short) 1));
    }

    @Bean
    EventTypes testEventTypes() {
        return TestEvents.types();
    }

    @Bean
    TimerHandler testTimer(JdbcTemplate jdbc, @Value("${test.instance:default}") String instance) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return TIMER;
            }

            @Override
            public void fire(String timerId, String data) {
                if ("fail".equals(data)) {
                    throw new IllegalStateException("timer fails on purpose");
                }
                jdbc.update("INSERT INTO test_timer_firings (timer_id, data, instance) VALUES (?, ?, ?)",
                        timerId, data, instance);
            }
        };
    }

    @Component
    static class Listener {
        private final InboundEvents inbound;
        private final JdbcTemplate jdbc;

        Listener(InboundEvents inbound, JdbcTemplate jdbc) {
            this.inbound = inbound;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = TOPIC)
        void on(ConsumerRecord<String, String> record) {
            inbound.handle("platform-it", record, event -> {
                if (event.event() instanceof PreconditionMet pm && "fail".equals(pm.precondition())) {
                    throw new IllegalStateException("handler fails for this event on purpose");
                }
                jdbc.update("INSERT INTO test_effects (event_id, account_id) VALUES (?, ?)", event.eventId(),
                        event.accountId());
            });
        }
    }
}
