package com.brandclosure.localstack;

import com.brandclosure.localstack.demo.DemoJourney;
import com.brandclosure.localstack.demo.DemoJourneys;
import com.brandclosure.localstack.demo.StackEndpoints;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The launcher behind {@code ./run.sh}: PostgreSQL, Kafka, then the five services as child processes;
 * prints where everything is; on Ctrl-C (SIGINT) or SIGTERM stops the services, then Kafka, then
 * PostgreSQL, and exits only when they are gone.
 * <p>
 * System properties: {@code localstack.root} (the repository, default the working directory),
 * {@code localstack.dir} (state folder, default {@code <root>/.local-stack}). Environment:
 * {@code LOCAL_STACK_SERVICE_JAVA_OPTS} (the services' JVM options), {@code LOCAL_STACK_START_TIMEOUT}
 * (seconds to wait for everything to be ready, default 300).
 */
public final class LocalStack {

    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int POSTGRES_PORT = 5432;

    private static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** Parsed command line. */
    record Options(boolean demo, boolean monitoring, boolean help, int instances) {
        static Options parse(String... args) {
            boolean demo = false;
            boolean monitoring = false;
            boolean help = false;
            int instances = 1;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--instances") || arg.startsWith("--instances=")) {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                            : i + 1 < args.length ? args[++i] : null;
                    instances = instances(value);
                    continue;
                }
                switch (arg) {
                    case "--demo" -> demo = true;
                    case "--monitoring" -> monitoring = true;
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(demo, monitoring, help, instances);
        }

        private static int instances(String value) {
            String expected = "--instances takes a number from 1 to " + ServiceSpec.MAX_INSTANCES;
            if (value == null) {
                throw new IllegalArgumentException(expected + ", got nothing");
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= ServiceSpec.MAX_INSTANCES) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            throw new IllegalArgumentException(expected + ", got " + value);
        }
    }

    private final Path root;
    private final Path state;
    private final Duration startTimeout;
    private final List<String> serviceJavaOptions;
    private final PrintStream out = System.out;

    /** What has been started, newest first: stopping walks it from the front (services, Kafka, PostgreSQL). */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean shuttingDown;
    private volatile boolean closing;
    private final Thread mainThread = Thread.currentThread();
    /** Instances of every service ({@code --instances}). */
    private int instances = 1;

    private LocalStack(Path root, Path state, Duration startTimeout, List<String> serviceJavaOptions) {
        this.root = root;
        this.state = state;
        this.startTimeout = startTimeout;
        this.serviceJavaOptions = serviceJavaOptions;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(64);
            return;
        }
        if (options.help()) {
            System.out.println(usage());
            return;
        }
        Optional<DemoJourney> demo = Optional.empty();
        if (options.demo()) {
            demo = DemoJourneys.registered();
            if (demo.isEmpty()) {
                // Before anything starts: a demo that cannot run should not leave a half-used stack behind.
                System.err.println(DemoJourneys.NOT_IMPLEMENTED_MESSAGE);
                System.exit(DemoJourneys.NOT_IMPLEMENTED_EXIT_CODE);
                return;
            }
        }

        Path root = Path.of(System.getProperty("localstack.root", "")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("localstack.dir", root.resolve(".local-stack").toString())).toAbsolutePath().normalize();
        String timeout = Optional.ofNullable(System.getenv("LOCAL_STACK_START_TIMEOUT")).orElse("300");
        String javaOpts = Optional.ofNullable(System.getenv("LOCAL_STACK_SERVICE_JAVA_OPTS")).orElse(DEFAULT_SERVICE_JAVA_OPTS);
        var stack = new LocalStack(root, state, Duration.ofSeconds(Long.parseLong(timeout.trim())),
                Arrays.stream(javaOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());

        int exitCode = stack.run(demo, options.monitoring(), options.instances());
        if (!stack.shuttingDown) {
            // Not stopped by a signal: leave with our own code. (During a signal the JVM is already
            // exiting; calling System.exit from here would block for ever.)
            System.exit(exitCode);
        }
    }

    static String usage() {
        return """
                usage: ./run.sh [--demo] [--monitoring] [--instances N]
                  starts PostgreSQL (localhost:%d), Kafka (localhost:%d) and the five services (ports 8080-8084),
                  with their data in .local-stack/; Ctrl-C stops everything.
                  --demo        then runs the demo walkthrough (see docs/local-stack.md)
                  --monitoring  also a real Prometheus (localhost:%d) scraping the services with the alert rules
                                of deploy/prometheus/rules/ loaded, where %s is installed
                  --instances N runs N instances (1 to %d) of every service: the second on ports 8090-8094, the
                                third on 8100-8104; they share each service's database and consumer groups
                  --no-build    (run.sh only) skips the Maven build""".formatted(POSTGRES_PORT, KAFKA_PORT,
                LocalPrometheus.PORT, LocalPrometheus.DEFAULT_BINARY, ServiceSpec.MAX_INSTANCES);
    }

    /** Starts everything, waits for a stop request, stops everything; returns the exit code. */
    private int run(Optional<DemoJourney> demo, boolean monitoring, int instances) {
        this.instances = instances;
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "local-stack-stop"));
        try {
            requireJars();
            boolean prometheus = monitoring && LocalPrometheus.installed(LocalPrometheus.binary());
            if (monitoring && !prometheus) {
                out.println("--monitoring: no Prometheus at " + LocalPrometheus.binary() + " (Debian: apt-get install "
                        + "prometheus); starting without it.");
            }
            requireFreePorts(prometheus);
            long begin = System.nanoTime();
            out.println("Local stack: state in " + relative(state) + ", logs in " + relative(state.resolve("logs")));

            out.println("Starting PostgreSQL (localhost:" + POSTGRES_PORT + ") and Kafka (localhost:" + KAFKA_PORT + ", KRaft) ...");
            var infrastructure = keep(LocalInfrastructure.start(new LocalInfrastructure.Settings(state, KAFKA_PORT,
                    KAFKA_CONTROLLER_PORT, POSTGRES_PORT, ServiceSpec.databases(), System.getProperty("java.class.path"),
                    startTimeout)));
            out.println("  PostgreSQL and Kafka are up");

            out.println("Starting " + ServiceSpec.ALL.size() + " services" + (instances == 1 ? "" : ", " + instances
                    + " instances each") + " ...");
            var services = new ArrayList<ServiceProcess>();
            try {
                String masterKey = ServiceProcess.masterKey(infrastructure.settings().stateDirectory());
                for (int instance = 1; instance <= instances; instance++) {
                    for (ServiceSpec spec : ServiceSpec.ALL) {
                        services.add(ServiceProcess.start(spec, instance, root, logOf(spec, instance),
                                infrastructure.postgres(), infrastructure.kafka(), serviceJavaOptions, masterKey));
                    }
                }
            } finally {
                keep(new RunningServices(services));
            }
            awaitReady(services);
            watchForUnexpectedExits(services);
            LocalPrometheus monitor = null;
            if (prometheus) {
                out.println("Starting Prometheus (localhost:" + LocalPrometheus.PORT + ") with the alert rules of deploy/prometheus/rules ...");
                monitor = keep(LocalPrometheus.start(prometheusSettings()));
                out.println("  Prometheus is up");
            }

            printWhereToLook(infrastructure, monitor, (System.nanoTime() - begin) / 1_000_000_000);
            if (demo.isPresent()) {
                DemoJourney.runAndReport(demo.get(), endpoints(infrastructure), out);
            }
            stopRequested.await();
            return 0;
        } catch (InterruptedException e) {
            return shuttingDown ? 130 : 1;
        } catch (DemoJourney.Failed e) {
            if (shuttingDown) {
                return 130;
            }
            // The stack did start: say that the demo failed, not that the stack could not start.
            System.err.println("Demo failed (the stack is stopped): " + e.getMessage());
            return 1;
        } catch (Ports.PortInUseException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            if (shuttingDown) {
                // Interrupted by Ctrl-C in the middle of starting: not an error worth a stack trace.
                return 130;
            }
            System.err.println("The local stack could not start: " + e.getMessage());
            return 1;
        } finally {
            stopEverything();
            stopped.countDown();
        }
    }

    /** Shutdown hook (SIGINT, SIGTERM, System.exit): lets the main thread stop everything, waits for it. */
    private void onSignal() {
        shuttingDown = true;
        stopRequested.countDown();
        if (!closing) {
            // Wakes the main thread out of a start-up wait; once it is stopping, an interrupt would only cut the grace periods short.
            mainThread.interrupt();
        }
        try {
            stopped.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    private void stopEverything() {
        closing = true;
        // A stop request may have interrupted us; the stop itself must wait for the children in peace.
        Thread.interrupted();
        List<AutoCloseable> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        out.println("Stopping the local stack: Prometheus (with --monitoring) and the services, then Kafka, then PostgreSQL ...");
        for (AutoCloseable resource : toStop) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("  while stopping: " + e.getMessage());
            }
        }
        out.println("Local stack stopped; data kept in " + relative(state) + ".");
    }

    private void requireJars() {
        var missing = ServiceSpec.ALL.stream().map(s -> s.jar(root)).filter(j -> !Files.isRegularFile(j)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing service jars " + missing.stream().map(this::relative).toList()
                    + "; ./run.sh builds them (or: ./mvnw -B -q package -DskipTests -pl "
                    + String.join(",", ServiceSpec.ALL.stream().map(ServiceSpec::module).toList()) + " -am)");
        }
    }

    /** The local stack's Prometheus: the five services on their ports (every instance), as the demo {@code ops} user. */
    private LocalPrometheus.Settings prometheusSettings() {
        var targets = new LinkedHashMap<String, List<Integer>>();
        ServiceSpec.ALL.forEach(s -> targets.put(s.module(), ports(s)));
        return new LocalPrometheus.Settings(LocalPrometheus.binary(), state.resolve("prometheus"), LocalPrometheus.PORT,
                targets, new LocalPrometheus.Scrape.Basic("ops", ServiceProcess.DEMO_PASSWORD),
                root.resolve("deploy/prometheus/rules"), startTimeout);
    }

    private List<Integer> ports(ServiceSpec spec) {
        var ports = new ArrayList<Integer>();
        for (int instance = 1; instance <= instances; instance++) {
            ports.add(spec.port(instance));
        }
        return ports;
    }

    /** All ports (eight with one instance, nine with Prometheus) up front, so a clash stops us before anything has started. */
    private void requireFreePorts(boolean prometheus) {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("PostgreSQL", POSTGRES_PORT);
        ports.put("Kafka", KAFKA_PORT);
        ports.put("Kafka controller", KAFKA_CONTROLLER_PORT);
        for (int instance = 1; instance <= instances; instance++) {
            for (ServiceSpec s : ServiceSpec.ALL) {
                ports.put(s.instanceName(instance), s.port(instance));
            }
        }
        if (prometheus) {
            ports.put("Prometheus", LocalPrometheus.PORT);
        }
        Ports.requireFree(ports);
    }

    private void awaitReady(List<ServiceProcess> services) {
        long begin = System.nanoTime();
        Set<String> ready = new LinkedHashSet<>();
        Waits.until("the services to be ready", startTimeout, () -> {
            for (ServiceProcess s : services) {
                if (!ready.contains(s.name()) && s.ready()) {
                    ready.add(s.name());
                    out.printf("  %-23s ready on %s (%d s)%n", s.name(), s.baseUrl(),
                            (System.nanoTime() - begin) / 1_000_000_000);
                }
            }
            return ready.size() == services.size();
        }, () -> services.stream().map(s -> {
            String reason = s.exitReason();
            return reason == null ? null : s.name() + ": " + reason;
        }).filter(r -> r != null).findFirst().orElse(null));
    }

    /** A service that dies later is reported at once rather than discovered through failing calls. */
    private void watchForUnexpectedExits(List<ServiceProcess> services) {
        for (ServiceProcess s : services) {
            s.process().onExit().thenAccept(p -> {
                if (!closing) {
                    System.err.println("!! " + s.name() + " exited with code " + p.exitValue() + "; see "
                            + relative(s.log()) + ". The rest keeps running" + (instances > 1
                            ? " (the service's other instances take over its partitions and timers)" : "")
                            + "; restart the stack to bring it back.");
                }
            });
        }
    }

    private void printWhereToLook(LocalInfrastructure infrastructure, LocalPrometheus prometheus, long seconds) {
        var b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(nl).append("The local stack is up (").append(seconds).append(" s). Launcher PID ")
                .append(ProcessHandle.current().pid()).append('.').append(nl).append(nl);
        b.append(String.format("  %-23s %-22s %-45s %s%n", "service", "url", "health", "log"));
        for (int instance = 1; instance <= instances; instance++) {
            for (ServiceSpec s : ServiceSpec.ALL) {
                b.append(String.format("  %-23s %-22s %-45s %s%n", s.instanceName(instance), s.baseUrl(instance),
                        s.baseUrl(instance) + "/actuator/health", relative(logOf(s, instance))));
            }
        }
        b.append(nl);
        b.append("  Console:    http://localhost:8080/console (sign in as ops or support-alice; the timeline and the system view read all five services)").append(nl);
        b.append("  API docs:   http://localhost:808x/swagger-ui.html (each service; /v3/api-docs)").append(nl);
        if (prometheus != null) {
            b.append("  Prometheus: ").append(prometheus.url()).append(" (targets: /targets, alerts: /alerts; config and data ")
                    .append(relative(state.resolve("prometheus"))).append(", log ").append(relative(prometheus.log())).append(')').append(nl);
        }
        b.append("  Sign in:    HTTP Basic, password '").append(ServiceProcess.DEMO_PASSWORD).append("' for every demo identity:").append(nl);
        ServiceProcess.DEMO_IDENTITIES.forEach((user, what) ->
                b.append(String.format("              %-14s %s%n", user, what)));
        b.append("  Actuator:   /actuator/health (and /liveness, /readiness) open; the rest needs ops, e.g.").append(nl);
        b.append("              curl -u ops:demo localhost:8080/actuator/metrics   (also /actuator/prometheus, /actuator/info)").append(nl);
        b.append("  Kafka:      ").append(infrastructure.kafka().bootstrapServers()).append(" (KRaft, one node; data ")
                .append(relative(state.resolve("kafka"))).append(", log ").append(relative(infrastructure.settings().kafkaLog())).append(')').append(nl);
        b.append("              SASL_PLAINTEXT, SCRAM-SHA-512, ACLs: one user per service, 'tracking' (writes payouts.actions-ingest),")
                .append(nl).append("              'admin' (super user). Passwords: ").append(relative(infrastructure.settings().kafkaCredentials()))
                .append(" (README \"Kafka security\")").append(nl);
        b.append("  PostgreSQL: localhost:").append(infrastructure.postgres().port()).append(" user/password ")
                .append(LocalPostgres.USER).append('/').append(LocalPostgres.PASSWORD).append(", databases ")
                .append(String.join(", ", ServiceSpec.databases())).append(" (data ").append(relative(state.resolve("postgres")))
                .append(", log ").append(relative(infrastructure.settings().postgresLog())).append(')').append(nl);
        b.append("  Clock:      each service instance has its own adjustable clock (local stack only). Read: curl -u ops:demo localhost:8080/local/clock").append(nl);
        b.append("              Move every service").append(instances > 1 ? " instance" : "").append(" forward 30 days:").append(nl);
        b.append("              for p in ").append(String.join(" ", ServiceSpec.ALL.stream().flatMap(s -> ports(s).stream())
                        .sorted().map(String::valueOf).toList()))
                .append("; do curl -s -u ops:demo -X POST -H 'X-Requested-By: curl' -H 'Content-Type: application/json' -d '{\"by\":\"P30D\"}' localhost:$p/local/clock/advance; echo; done").append(nl);
        b.append("  Data:       kept in ").append(relative(state)).append(": the next ./run.sh continues where this one stopped;")
                .append(" to start from scratch stop the stack and delete the folder.").append(nl);
        b.append("  Stop:       Ctrl-C here (or kill -INT ").append(ProcessHandle.current().pid())
                .append("): ").append(prometheus != null ? "Prometheus, then " : "").append("services, then Kafka, then PostgreSQL.").append(nl);
        out.println(b);
    }

    private StackEndpoints endpoints(LocalInfrastructure infrastructure) {
        Map<String, URI> urls = new LinkedHashMap<>();
        Map<String, List<URI>> everyInstance = new LinkedHashMap<>();
        Map<String, String> jdbc = new LinkedHashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            urls.put(s.module(), URI.create(s.baseUrl()));
            everyInstance.put(s.module(), ports(s).stream().map(p -> URI.create("http://localhost:" + p)).toList());
            jdbc.put(s.module(), infrastructure.postgres().jdbcUrl(s.database()));
        }
        return new StackEndpoints(urls, infrastructure.kafka().bootstrapServers(), jdbc, everyInstance);
    }

    /** {@code logs/<module>.log}, from the second instance on {@code logs/<module>-<n>.log}. */
    private Path logOf(ServiceSpec spec, int instance) {
        return state.resolve("logs").resolve(spec.module() + (instance == 1 ? "" : "-" + instance) + ".log");
    }

    private String relative(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
