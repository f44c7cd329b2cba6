package com.brandclosure.platform.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Readiness contributors: Kafka reachable, outbox not stuck, timers not lagging (from their first due
 * time; thresholds in configuration), with the failing and parked timers as details.
 * <p>
 * What readiness means: this instance can take requests, i.e. its database answers (Boot's
 * {@code db} check). Kafka unreachable, an outbox backlog older than its threshold and lagging
 * timers are reported as {@link #DEGRADED} — status 200, visible in the readiness body, the
 * metrics and alerts — not as DOWN: commands still commit their events to the outbox, which
 * publishes when Kafka is back, and taking every instance out of service at once for a broker
 * outage would turn a publishing delay into a full outage.
 * <p>
 * Each check is bounded and cached ({@link #cached}): readiness is public and polled, so a slow
 * dependency must neither tie up request threads nor be hit once per call.
 */
public final class PlatformHealth {

    /** A dependency is impaired but the instance still serves requests (HTTP 200). */
    public static final Status DEGRADED = new Status("DEGRADED");

    private PlatformHealth() {
    }

    public static HealthIndicator outbox(OpsQueries queries, Duration maxAge) {
        return () -> {
            Duration age = queries.oldestUnpublishedAge();
            Health.Builder health = age.compareTo(maxAge) > 0 ? Health.status(DEGRADED) : Health.up();
            return health.withDetail("backlog", queries.outboxBacklog())
                    .withDetail("oldestUnpublishedAgeSeconds", age.toSeconds())
                    .withDetail("thresholdSeconds", maxAge.toSeconds()).build();
        };
    }

    public static HealthIndicator timers(OpsQueries queries, Duration maxLag) {
        return () -> {
            Duration lag = queries.timerLag();
            Health.Builder health = lag.compareTo(maxLag) > 0 ? Health.status(DEGRADED) : Health.up();
            // Parked timers wait for an operator (metric, alert, /actuator/timers): shown, but they do not
            // take every instance out of service.
            return health.withDetail("lagSeconds", lag.toSeconds()).withDetail("due", queries.timersDue())
                    .withDetail("failing", queries.timersFailing()).withDetail("parked", queries.timersParked())
                    .withDetail("thresholdSeconds", maxLag.toSeconds()).build();
        };
    }

    /** Kafka reachable, through one admin client for the life of the application. */
    public static KafkaHealth kafka(Map<String, Object> adminConfig, Duration timeout) {
        return new KafkaHealth(adminConfig, timeout);
    }

    /** {@code delegate}'s answer, at most once per {@code ttl}, each check bounded by {@code timeout}. */
    public static CachedHealth cached(HealthIndicator delegate, Duration ttl, Duration timeout) {
        return new CachedHealth(delegate, ttl, timeout, System::nanoTime);
    }

    /** Kafka's cluster description within the timeout: UP with the broker count, else DEGRADED with the reason. */
    public static final class KafkaHealth implements HealthIndicator, DisposableBean {
        private final Map<String, Object> config;
        private final Duration timeout;
        private Admin admin;

        KafkaHealth(Map<String, Object> adminConfig, Duration timeout) {
            this.config = new HashMap<>(adminConfig);
            int millis = (int) timeout.toMillis();
            this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            this.config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "platform-health");
            this.timeout = timeout;
        }

        @Override
        public Health health() {
            try {
                int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", nodes).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.status(DEGRADED).withDetail("error", "interrupted").build();
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                return Health.status(DEGRADED).withDetail("error", "Kafka not reachable within " + timeout.toMillis()
                        + " ms: " + cause.getClass().getSimpleName()).withDetail("effect",
                        "events wait in the outbox; commands are still accepted").build();
            }
        }

        private synchronized Admin admin() {
            if (admin == null) {
                admin = Admin.create(config);
            }
            return admin;
        }

        @Override
        public synchronized void destroy() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }

    /**
     * The last answer of a check, reused for {@code ttl}; a refresh runs on its own thread and the
     * caller waits at most {@code timeout} for it (then: DEGRADED "did not answer"). At most one
     * refresh per check runs at a time, however many callers ask.
     */
    public static final class CachedHealth implements HealthIndicator, DisposableBean {
        private record Entry(Health health, long atNanos) {
        }

        private final HealthIndicator delegate;
        private final long ttlNanos;
        private final Duration timeout;
        private final LongSupplier nanos;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "platform-health");
            t.setDaemon(true);
            return t;
        });
        private volatile Entry last;
        private CompletableFuture<Health> inFlight;

        CachedHealth(HealthIndicator delegate, Duration ttl, Duration timeout, LongSupplier nanos) {
            this.delegate = delegate;
            this.ttlNanos = ttl.toNanos();
            this.timeout = timeout;
            this.nanos = nanos;
        }

        @Override
        public Health health() {
            Entry entry = last;
            if (entry != null && nanos.getAsLong() - entry.atNanos() < ttlNanos) {
                return entry.health();
            }
            CompletableFuture<Health> refresh;
            synchronized (this) {
                if (inFlight == null || inFlight.isDone()) {
                    inFlight = CompletableFuture.supplyAsync(this::check, executor);
                }
                refresh = inFlight;
            }
            Health health;
            try {
                health = refresh.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                health = Health.status(DEGRADED).withDetail("error", "check did not answer within "
                        + timeout.toMillis() + " ms").build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().build();
            } catch (ExecutionException e) {
                health = Health.down().withDetail("error", String.valueOf(e.getCause())).build();
            }
            last = new Entry(health, nanos.getAsLong());
            return health;
        }

        private Health check() {
            try {
                return delegate.health();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
            if (delegate instanceof DisposableBean d) {
                try {
                    d.destroy();
                } catch (Exception ignored) {
                    // closing at shutdown; nothing left to do
                }
            }
        }
    }
}
