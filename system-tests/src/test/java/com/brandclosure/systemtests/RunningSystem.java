package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.kafkaaccess.KafkaAccess;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.TestTokens;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system under test, once per test JVM: one Kafka broker and one PostgreSQL server from the test
 * kit, and the five services as separate processes on free ports, each with its own database, the
 * test key trusted (JWT mode, as in production) and the adjustable clock on.
 * <p>
 * Test classes get it with {@code @ExtendWith(RunningSystem.Extension.class)}; the first one starts
 * it, every later one shares it (starting five Spring Boot JVMs costs about a minute on two cores),
 * and JUnit closes it after the last test (SIGTERM, then SIGKILL). A shutdown hook covers a JVM that
 * ends without JUnit closing the store.
 */
final class RunningSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningSystem.class);
    private static final AtomicReference<RunningSystem> INSTANCE = new AtomicReference<>();

    static final String ORCHESTRATOR = "closure-orchestrator";
    static final String CONTRACTS = "contracts-service";
    static final String PAYOUTS = "payouts-service";
    static final String FUNDING = "funding-service";
    static final String CATALOG = "catalog-service";
    static final Map<String, String> DATABASES = Map.of(ORCHESTRATOR, "st_closure", CONTRACTS, "st_contracts",
            PAYOUTS, "st_payouts", FUNDING, "st_funding", CATALOG, "st_catalog");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    final Infrastructure infrastructure;
    final Map<String, ServiceNode> services = new LinkedHashMap<>();
    /** Second instances, by module, while a test runs them beside the first ones ({@link #startSecondInstances}). */
    final Map<String, ServiceNode> seconds = new java.util.concurrent.ConcurrentHashMap<>();
    final KafkaProbe kafka;
    /** Publishes as the {@code tracking} principal (ACL: the ingest topic only), as a tracking system does. */
    final KafkaProbe tracking;
    final Http http;
    final Clocks clocks;
    final Events events;

    /** How the services authenticate callers: JWT bearer tokens (production) or the demo identities (local stack). */
    enum Security { JWT, DEMO }

    private volatile Security security;

    private RunningSystem(Security security, String databasePrefix) throws IOException {
        this.security = security;
        long start = System.nanoTime();
        infrastructure = Infrastructure.get();
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("system-tests.log-dir", "target/service-logs")).toAbsolutePath()
                .resolve(security == Security.JWT ? "." : "demo").normalize();
        List<String> modules = List.of(ORCHESTRATOR, CONTRACTS, PAYOUTS, FUNDING, CATALOG);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : modules) {
            ports.put(module, freePort());
        }
        for (String module : modules) {
            // A fresh database per service: an external PostgreSQL (TEST_POSTGRES_URL) may hold a previous run.
            String jdbc = infrastructure.freshDatabase(databasePrefix + DATABASES.get(module));
            int port = ports.get(module);
            var args = new ArrayList<String>(List.of(
                    "--server.port=" + port,
                    "--spring.datasource.url=" + jdbc + "?reWriteBatchedInserts=true",
                    "--spring.datasource.username=" + infrastructure.postgresUser(),
                    "--spring.datasource.password=" + infrastructure.postgresPassword(),
                    "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    // The durable timers run on this clock: advancing it makes lock and clearing dates come due.
                    "--platform.clock.adjustable=true",
                    // One line per outbox write and per account a consumer applies, each with its trace id
                    // (ClosureJourneyTest follows the approval's trace through the five logs).
                    "--logging.level.com.brandclosure.platform.outbox.Outbox=DEBUG",
                    "--logging.level.com.brandclosure.platform.inbox.InboundBatches=DEBUG"));
            if (module.equals(ORCHESTRATOR)) {
                // The ops console aggregates the five services over HTTP (closure.console.services.*).
                ports.forEach((m, p) -> args.add("--closure.console.services." + m + "=http://127.0.0.1:" + p));
            }
            if (!infrastructure.kafkaAuthenticated()) {
                args.add("--spring.kafka.security.protocol=PLAINTEXT");
            }
            // Each service authenticates as itself (user = its application name = the module name).
            var node = new ServiceNode(module, port, args, Map.of("KAFKA_PASSWORD", infrastructure.kafkaPassword(module),
                    "PLATFORM_CRYPTO_MASTER_KEY", com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory.MASTER_KEY),
                    root, logs);
            node.security(securityArguments(security));
            services.put(module, node);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "system-tests-stop-services"));
        for (ServiceNode node : services.values()) {
            node.start();
        }
        for (ServiceNode node : services.values()) {
            awaitHealthy(node);
        }
        http = new Http();
        clocks = new Clocks(http, services, seconds, () -> ops("system-tests-clock"));
        kafka = new KafkaProbe(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG, Topics.CLOSURE,
                Topics.ACTIONS_INGEST + Topics.DEAD_LETTER_SUFFIX);
        tracking = KafkaProbe.as(KafkaAccess.TRACKING);
        events = new Events(kafka, tracking, infrastructure.kafkaAdminProperties());
        log.info("system under test up in {} s: {}", (System.nanoTime() - start) / 1_000_000_000, services.values());
    }

    static RunningSystem get() {
        RunningSystem current = INSTANCE.get();
        if (current == null) {
            synchronized (RunningSystem.class) {
                current = INSTANCE.get();
                if (current == null) {
                    try {
                        current = new RunningSystem(Security.JWT, "");
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot start the services", e);
                    }
                    INSTANCE.set(current);
                }
            }
        }
        return current;
    }

    private static List<String> securityArguments(Security security) {
        var args = new ArrayList<String>();
        if (security == Security.JWT) {
            TestTokens.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        } else {
            // The local stack's way: demo identities, allowed only on loopback (the demo interlock).
            args.add("--platform.security.mode=demo");
            args.add("--server.address=127.0.0.1");
        }
        return args;
    }

    Security security() {
        return security;
    }

    /** An OPS caller's Authorization header in the current security mode. */
    String ops(String subject) {
        return security == Security.JWT ? TestTokens.ops(subject) : Http.basic("ops", "demo");
    }

    /**
     * Restarts the five services in another security mode (same ports, databases, consumer groups and
     * topics; graceful stop first) and puts their clocks back where they were. The demo (Basic) mode is
     * what the local stack runs; a test that switches to it switches back when done.
     */
    synchronized void switchSecurity(Security to) throws IOException {
        if (to == security) {
            return;
        }
        log.info("restarting the services in {} security", to);
        stopAll();
        security = to;
        for (ServiceNode node : services.values()) {
            node.security(securityArguments(to));
            node.start();
        }
        for (ServiceNode node : services.values()) {
            awaitHealthy(node);
        }
        for (String module : services.keySet()) {
            clocks.catchUp(module);
        }
    }

    ServiceNode service(String module) {
        return services.get(module);
    }

    /**
     * A URL on the service: its first instance, or, while that one is down, a running second instance (any
     * instance may take any request).
     */
    String url(String module, String path) {
        ServiceNode first = services.get(module);
        ServiceNode second = seconds.get(module);
        return (!first.ready() && second != null && second.ready() ? second : first).baseUrl() + path;
    }

    /**
     * Starts a second instance of each of {@code modules} beside the first (same database, consumer groups,
     * settings; its own port and log {@code <module>-2.log}), waits until all are healthy and sets their clocks
     * to the others' time.
     */
    void startSecondInstances(List<String> modules) throws IOException {
        for (String module : modules) {
            ServiceNode node = services.get(module).anotherInstance(2, freePort());
            seconds.put(module, node);
            node.start();
        }
        for (String module : modules) {
            awaitHealthy(seconds.get(module));
            clocks.catchUp(seconds.get(module));
        }
        log.info("second instances up: {}", seconds.values());
    }

    ServiceNode second(String module) {
        return seconds.get(module);
    }

    /** Starts every first instance that is down, all at once, and waits until they are healthy with their clocks caught up. */
    void startStopped() throws IOException {
        var down = services.values().stream().filter(n -> !n.alive()).toList();
        for (ServiceNode node : down) {
            node.start();
        }
        for (ServiceNode node : down) {
            awaitHealthy(node);
            clocks.catchUp(node);
        }
    }

    /** Stops the second instances gracefully; the system is back to one instance per service. */
    void stopSecondInstances() {
        stopInParallel(seconds.values());
        seconds.clear();
    }

    /** Stops a service gracefully (the others keep running), e.g. to see how the console shows it missing. */
    void stop(String module) {
        services.get(module).stop(Duration.ofSeconds(20));
    }

    /** Kills a service (SIGKILL: no shutdown hook, no graceful drain) and leaves it down until {@link #start}. */
    void kill(String module) throws InterruptedException {
        ServiceNode node = services.get(module);
        log.info("killing {} (pid {}) with SIGKILL, to stay down", module, node.pid());
        node.kill();
    }

    /** Starts a stopped service again, waits until it is healthy and catches its clock up. */
    void start(String module) throws IOException {
        ServiceNode node = services.get(module);
        node.start();
        awaitHealthy(node);
        clocks.catchUp(module);
    }

    static void awaitHealthy(ServiceNode node) {
        Awaitility.await(node + " healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .failFast(node + " died while starting", () -> assertThat(node.exitReason()).isNull())
                .until(node::healthy);
        node.markReady();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private void stopAll() {
        stopSecondInstances();
        stopInParallel(services.values());
    }

    /** In parallel: each gets Spring's graceful shutdown, bounded, then SIGKILL. Only our own children. */
    static void stopInParallel(java.util.Collection<ServiceNode> nodes) {
        var threads = nodes.stream()
                .map(n -> Thread.ofPlatform().start(() -> n.stop(Duration.ofSeconds(20)))).toList();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopAll();
        kafka.close();
        tracking.close();
        INSTANCE.compareAndSet(this, null);
    }

    /** Starts the system before the first test class that uses it; JUnit closes it after the last test. */
    static final class Extension implements BeforeAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            var store = context.getRoot().getStore(NAMESPACE);
            if (store.get(RunningSystem.class) == null) {
                store.put(RunningSystem.class, RunningSystem.get());
            }
        }
    }
}
