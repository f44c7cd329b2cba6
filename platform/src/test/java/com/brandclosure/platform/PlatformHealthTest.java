package com.brandclosure.platform;

import com.brandclosure.platform.ops.PlatformHealth;
import com.brandclosure.testkit.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness checks are bounded and cached, and Kafka down is DEGRADED (the instance stays ready):
 * against the test kit's real broker, and against a port where no broker listens.
 */
class PlatformHealthTest {

    @Test
    void kafka_reachable_is_up_with_the_broker_count() throws Exception {
        var kafka = PlatformHealth.kafka(Infrastructure.get().kafkaAdminProperties(),
                Duration.ofSeconds(10));
        try {
            Health health = kafka.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1);
            assertThat(kafka.health().getStatus()).as("the admin client is reused").isEqualTo(Status.UP);
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void kafka_unreachable_is_degraded_within_the_timeout_not_down() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var kafka = PlatformHealth.kafka(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), Duration.ofSeconds(2));
        var readiness = PlatformHealth.cached(kafka, Duration.ofSeconds(5), Duration.ofSeconds(2));
        try {
            long started = System.nanoTime();
            Health health = readiness.health();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(health.getStatus()).isEqualTo(PlatformHealth.DEGRADED);
            assertThat(took).isLessThan(Duration.ofMillis(2_800));

            started = System.nanoTime();
            assertThat(readiness.health().getStatus()).isEqualTo(PlatformHealth.DEGRADED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cached, not asked again")
                    .isLessThan(Duration.ofMillis(100));
        } finally {
            readiness.destroy();
        }
    }

    @Test
    void a_slow_check_is_bounded_cached_and_run_once_however_many_callers_ask() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HealthIndicator slow = () -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        };
        var cached = PlatformHealth.cached(slow, Duration.ofMinutes(1), Duration.ofMillis(300));
        try {
            List<CompletableFuture<Health>> callers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                callers.add(CompletableFuture.supplyAsync(cached::health));
            }
            for (var caller : callers) {
                Health h = caller.get(5, TimeUnit.SECONDS);
                assertThat(h.getStatus()).isEqualTo(PlatformHealth.DEGRADED);
                assertThat(h.getDetails().get("error").toString()).contains("did not answer within 300 ms");
            }
            assertThat(calls.get()).as("one refresh in flight for all callers").isEqualTo(1);
            release.countDown();
            assertThat(cached.health().getStatus()).as("within the cache period the last answer stands")
                    .isEqualTo(PlatformHealth.DEGRADED);
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            release.countDown();
            cached.destroy();
        }
    }
}
