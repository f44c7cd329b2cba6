package com.brandclosure.platform.ops;

import com.brandclosure.platform.config.PlatformAutoConfiguration;
import com.brandclosure.platform.config.PlatformProperties;
import com.brandclosure.platform.inbox.InboundBatches;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;


/**
 * What operators watch, for every service: the {@code outbox}, {@code deadletters}, {@code parked}
 * and {@code timers} actuator endpoints, readiness contributors ({@code kafka}, {@code outbox}, {@code timers}) and the
 * platform metrics ({@code outbox_backlog}, {@code outbox_publish_lag_seconds}, {@code timers_due},
 * {@code timers_overdue}, {@code timers_failing}, {@code timers_parked}, {@code inbox_duplicates_skipped_total},
 * {@code deadletters_total}). Alert rules on them: deploy/prometheus/rules.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class PlatformObservabilityAutoConfiguration {

    @Bean
    OutboxEndpoint outboxEndpoint(OpsQueries queries) {
        return new OutboxEndpoint(queries);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, InboundBatches inbound) {
        return new DeadLettersEndpoint(deadLetters, inbound);
    }

    @Bean
    ParkedEndpoint parkedEndpoint(InboundBatches inbound) {
        return new ParkedEndpoint(inbound);
    }

    @Bean
    TimersEndpoint timersEndpoint(com.brandclosure.platform.timers.ParkedTimers parkedTimers) {
        return new TimersEndpoint(parkedTimers);
    }

    @Bean
    HealthIndicator outboxHealthIndicator(OpsQueries queries, PlatformProperties properties) {
        return cached(PlatformHealth.outbox(queries, properties.getHealth().getOutboxMaxAge()), properties);
    }

    @Bean
    HealthIndicator timersHealthIndicator(OpsQueries queries, PlatformProperties properties) {
        return cached(PlatformHealth.timers(queries, properties.getHealth().getTimerMaxLag()), properties);
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin, PlatformProperties properties) {
        return cached(PlatformHealth.kafka(admin.getConfigurationProperties(), properties.getHealth().getCheckTimeout()),
                properties);
    }

    private static HealthIndicator cached(HealthIndicator check, PlatformProperties properties) {
        return PlatformHealth.cached(check, properties.getHealth().getCacheFor(), properties.getHealth().getCheckTimeout());
    }

    @Bean
    MeterBinder platformMetrics(OpsQueries queries, InboundBatches inbound, DeadLetters deadLetters,
                                PlatformProperties properties,
                                com.brandclosure.platform.shredding.Shredding shredding) {
        return (MeterRegistry registry) -> {
            FunctionCounter.builder("accounts.shredded", shredding,
                            com.brandclosure.platform.shredding.Shredding::shreddedCount)
                    .description("accounts whose data key this instance deleted after closure + retention")
                    .register(registry);
            Gauge.builder("outbox.backlog", queries, OpsQueries::outboxBacklog)
                    .description("outbox rows not yet published").register(registry);
            Gauge.builder("outbox.publish.lag", queries, q -> q.oldestUnpublishedAge().toMillis() / 1000.0)
                    .baseUnit("seconds").description("age of the oldest unpublished outbox row").register(registry);
            Gauge.builder("outbox.parked", queries, OpsQueries::outboxParked)
                    .description("outbox rows Kafka refused for their content (too large, unknown topic)")
                    .register(registry);
            Gauge.builder("timers.due", queries, OpsQueries::timersDue)
                    .description("durable timers due and not yet run").register(registry);
            Gauge.builder("timers.overdue", queries, q -> q.timersOverdue(properties.getHealth().getTimerMaxLag()))
                    .description("durable timers due for longer than the lag threshold").register(registry);
            Gauge.builder("timers.failing", queries, OpsQueries::timersFailing)
                    .description("durable timers whose last run failed (retried with backoff)").register(registry);
            Gauge.builder("timers.parked", queries, OpsQueries::timersParked)
                    .description("durable timers parked after their last failed attempt").register(registry);
            FunctionCounter.builder("inbox.duplicates.skipped", inbound, InboundBatches::duplicatesSkipped)
                    .description("redelivered events dropped by the idempotent consumer").register(registry);
            FunctionCounter.builder("deadletters", deadLetters, DeadLetters::count)
                    .description("records sent to a dead-letter topic").register(registry);
            Gauge.builder("parked.accounts", inbound, InboundBatches::parkedAccountCount)
                    .description("accounts parked on a consumer behind a dead letter").register(registry);
            FunctionCounter.builder("parked.records", inbound, InboundBatches::parkedRecords)
                    .description("records kept behind a parked account's dead letter").register(registry);
        };
    }
}
