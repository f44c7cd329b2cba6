package com.brandclosure.platform.ops;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Readiness contributors: Kafka reachable, outbox not stuck, timers not lagging (from their first due time;
 * thresholds in configuration), with the failing and parked timers as details. */
public final class PlatformHealth {

    private PlatformHealth() {
    }

    public static HealthIndicator outbox(OpsQueries queries, Duration maxAge) {
        return () -> {
            Duration age = queries.oldestUnpublishedAge();
            Health.Builder health = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
            return health.withDetail("backlog", queries.outboxBacklog())
                    .withDetail("oldestUnpublishedAgeSeconds", age.toSeconds())
                    .withDetail("thresholdSeconds", maxAge.toSeconds()).build();
        };
    }

    public static HealthIndicator timers(OpsQueries queries, Duration maxLag) {
        return () -> {
            Duration lag = queries.timerLag();
            Health.Builder health = lag.compareTo(maxLag) > 0 ? Health.down() : Health.up();
            // Parked timers wait for an operator (metric, alert, /actuator/timers): shown, but they do not
            // take every instance out of service.
            return health.withDetail("lagSeconds", lag.toSeconds()).withDetail("due", queries.timersDue())
                    .withDetail("failing", queries.timersFailing()).withDetail("parked", queries.timersParked())
                    .withDetail("thresholdSeconds", maxLag.toSeconds()).build();
        };
    }

    public static HealthIndicator kafka(KafkaAdmin admin, Duration timeout) {
        return () -> {
            try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
                int nodes = client.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", nodes).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.toString()).build();
            }
        };
    }
}
