package com.brandclosure.testkit;

import com.brandclosure.kafkaaccess.BrokerSecurity;
import com.brandclosure.kafkaaccess.KafkaAccess;
import com.brandclosure.kafkaaccess.KafkaCredentials;
import com.brandclosure.kafkaaccess.KafkaProvisioning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * One real Kafka broker and one real PostgreSQL server per JVM, started on first use and stopped
 * when the JVM exits. Which path runs is decided once, in this order:
 * <ol>
 *   <li>external: {@code TEST_KAFKA_BOOTSTRAP_SERVERS} and {@code TEST_POSTGRES_URL}
 *       (a JDBC URL to a server, e.g. {@code jdbc:postgresql://localhost:5432/postgres}) with
 *       {@code TEST_POSTGRES_USER}/{@code TEST_POSTGRES_PASSWORD}; with {@code TEST_KAFKA_CREDENTIALS}
 *       (a properties file {@code user=password} for every {@link KafkaAccess#users()}, e.g. the local
 *       stack's {@code .local-stack/kafka/credentials.properties}) the clients authenticate;</li>
 *   <li>Testcontainers, when a Docker engine answers (PLAINTEXT, no ACLs: the container's listeners are
 *       laid out by Testcontainers);</li>
 *   <li>in-process: a KRaft broker from the Kafka server jars with the system's Kafka security
 *       ({@link BrokerSecurity}: SASL/SCRAM, StandardAuthorizer, the {@link KafkaAccess} ACLs, passwords
 *       generated for this JVM), and PostgreSQL binaries from a Maven artifact.</li>
 * </ol>
 * Setting {@code TEST_INFRASTRUCTURE=in-process} skips the Docker probe (CI does this).
 * The in-process PostgreSQL runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * off (tests need no durability, and a commit is then CPU-bound); a benchmark that needs what a commit
 * really costs sets the system property {@value #DURABILITY_PROPERTY}{@code =production} before the first
 * {@link #get()}, which turns the three back on. The other paths keep their server's own settings.
 * Every path is real Kafka and real PostgreSQL; tests cannot tell which one runs, the log can.
 * Clients get their settings from {@link #kafkaClientProperties(String)} (as a principal) or
 * {@link #kafkaAdminProperties()} (the super user, for probes and set-up).
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    /**
     * System property read when the in-process PostgreSQL starts: {@code production} runs it with fsync,
     * synchronous_commit and full_page_writes on (benchmarks); anything else, or unset, with them off (tests).
     */
    public static final String DURABILITY_PROPERTY = "testkit.postgres.durability";
    private static volatile Infrastructure instance;

    private final String path;
    private final String kafkaBootstrapServers;
    private final String postgresHost;
    private final int postgresPort;
    private final String postgresUser;
    private final String postgresPassword;
    /** {@code null}: the broker takes unauthenticated PLAINTEXT clients (Testcontainers, or external without credentials). */
    private final KafkaCredentials kafkaCredentials;
    /** The in-process broker, for the faults a test injects ({@link #restartKafka}); {@code null} on the other paths. */
    private volatile EmbeddedKafkaKraftBroker broker;

    private Infrastructure(String path, String kafkaBootstrapServers, KafkaCredentials kafkaCredentials,
                           String postgresHost, int postgresPort, String postgresUser, String postgresPassword) {
        this.path = path;
        this.kafkaCredentials = kafkaCredentials;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
    }

    /** The shared infrastructure of this JVM, started on the first call. */
    public static Infrastructure get() {
        Infrastructure current = instance;
        if (current == null) {
            synchronized (Infrastructure.class) {
                current = instance;
                if (current == null) {
                    long start = System.nanoTime();
                    current = start();
                    instance = current;
                    log.info("Test infrastructure path: {} (Kafka {}, PostgreSQL {}:{}) started in {} ms",
                            current.path, current.kafkaBootstrapServers, current.postgresHost, current.postgresPort,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return current;
    }

    /**
     * Whether this path can stop and start the broker and the PostgreSQL server ({@link #restartKafka},
     * {@link #restartPostgres}): only the in-process one, whose broker and server this JVM owns.
     */
    public boolean canRestart() {
        return broker != null;
    }

    /**
     * A broker outage: stops the in-process broker (its controller keeps the metadata), runs {@code whileDown}
     * (the clients see a broker that is gone: connection refused, requests timing out) and starts it again on
     * the same port with the same logs. Returns once the broker takes requests again.
     */
    public void restartKafka(Runnable whileDown) {
        var current = requireRestartable().getCluster();
        for (var server : current.brokers().values()) {
            server.shutdown();
            server.awaitShutdown();
        }
        log.info("Kafka broker stopped");
        try {
            whileDown.run();
        } finally {
            for (var server : current.brokers().values()) {
                server.startup();
            }
            try {
                current.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not come back", e);
            }
            log.info("Kafka broker started again");
        }
    }

    /**
     * A PostgreSQL restart ({@code pg_ctl restart -m fast}: every connection is cut, the server is away until
     * it has started again from its data directory, with the options it ran with). Returns once it takes
     * connections again.
     */
    public void restartPostgres() {
        requireRestartable();
        try (Connection c = adminConnection(); var rs = c.createStatement().executeQuery("SHOW data_directory")) {
            rs.next();
            Path data = Path.of(rs.getString(1));
            // postmaster.opts holds the server's command line; pg_ctl restart starts it again with the same options.
            String postgres = Files.readString(data.resolve("postmaster.opts")).strip().split(" ")[0].replace("\"", "");
            Path pgCtl = Path.of(postgres).resolveSibling("pg_ctl");
            var command = new java.util.ArrayList<String>();
            if ("root".equals(System.getProperty("user.name"))) {
                // pg_ctl refuses to run as root; the embedded server was started the same way (a user namespace).
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60",
                    "-l", data.resolve("restart.log").toString(), "restart"));
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart failed: " + output.strip());
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot restart PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
        log.info("PostgreSQL restarted");
    }

    /**
     * Cuts every connection to {@code database} but this one ({@code pg_terminate_backend}): the clients' open
     * transactions are rolled back and their next statement fails. Returns how many were cut.
     */
    public int terminateConnections(String database) {
        try (Connection c = adminConnection(); var statement = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = ? AND pid <> pg_backend_pid()""")) {
            statement.setString(1, database);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate the connections to " + database, e);
        }
    }

    private EmbeddedKafkaKraftBroker requireRestartable() {
        var b = broker;
        if (b == null) {
            throw new IllegalStateException("the " + path + " path does not own its broker and server: no restart");
        }
        return b;
    }

    /** Which path runs: {@code external}, {@code testcontainers} or {@code in-process}. */
    public String path() {
        return path;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Whether clients must authenticate (SASL/SCRAM) and ACLs apply. */
    public boolean kafkaAuthenticated() {
        return kafkaCredentials != null;
    }

    /**
     * Kafka client properties (bootstrap servers, and SASL as {@code principal} where the broker
     * authenticates) for a plain producer, consumer or admin client.
     */
    public Map<String, Object> kafkaClientProperties(String principal) {
        var properties = new HashMap<String, Object>();
        properties.put("bootstrap.servers", kafkaBootstrapServers);
        if (kafkaCredentials != null) {
            properties.putAll(kafkaCredentials.clientProperties(principal));
        }
        return properties;
    }

    /** Client properties of the super user {@code admin}: probes, topic set-up, benchmarks' raw clients. */
    public Map<String, Object> kafkaAdminProperties() {
        return kafkaClientProperties(KafkaAccess.ADMIN);
    }

    /**
     * Spring Boot properties for an application authenticating as {@code principal}: {@code spring.kafka.*}
     * and {@code KAFKA_PASSWORD}, the placeholder the services' application.yml reads the password from.
     * On an unauthenticated broker they switch the services' SASL settings back to PLAINTEXT.
     */
    public Map<String, Object> kafkaSpringProperties(String principal) {
        var properties = new HashMap<String, Object>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        if (kafkaCredentials != null) {
            properties.putAll(kafkaCredentials.springProperties(principal));
            properties.put("KAFKA_PASSWORD", kafkaCredentials.password(principal));
        } else {
            properties.put("spring.kafka.security.protocol", "PLAINTEXT");
            properties.put("KAFKA_PASSWORD", "unused-on-a-plaintext-broker");
        }
        return properties;
    }

    /** The password of a Kafka user, for a service started as a separate process (its {@code KAFKA_PASSWORD}). */
    public String kafkaPassword(String principal) {
        if (kafkaCredentials == null) {
            return "unused-on-a-plaintext-broker";
        }
        return kafkaCredentials.password(principal);
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    /** Creates the topics (4 partitions) that do not exist yet, so producers never race auto-creation. */
    public void createTopics(String... names) {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(kafkaAdminProperties())) {
            var existing = admin.listTopics().names().get();
            var missing = java.util.Arrays.stream(names).filter(n -> !existing.contains(n)).distinct()
                    .map(n -> new org.apache.kafka.clients.admin.NewTopic(n, 4, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + java.util.Arrays.toString(names), e);
        }
    }

    /** JDBC URL of the named database, created if it does not exist yet. */
    public String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + database);
        }
        createDatabaseIfMissing(database);
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** Drops and re-creates the named database: for tests that need a clean slate. */
    public String freshDatabase(String database) {
        jdbcUrl(database);
        try (Connection c = adminConnection()) {
            c.createStatement().execute("DROP DATABASE " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-create database " + database, e);
        }
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    private synchronized void createDatabaseIfMissing(String database) {
        try (Connection c = adminConnection()) {
            var rs = c.createStatement().executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/postgres", postgresUser, postgresPassword);
    }

    private static Infrastructure start() {
        String kafka = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        String pgUrl = System.getenv("TEST_POSTGRES_URL");
        if (kafka != null && pgUrl != null) {
            var hostPort = pgUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
            String[] parts = hostPort.split(":");
            String credentialsFile = System.getenv("TEST_KAFKA_CREDENTIALS");
            return new Infrastructure("external", kafka, credentialsFile == null ? null : readCredentials(Path.of(credentialsFile)),
                    parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 5432,
                    Objects.requireNonNullElse(System.getenv("TEST_POSTGRES_USER"), "postgres"),
                    Objects.requireNonNullElse(System.getenv("TEST_POSTGRES_PASSWORD"), "postgres"));
        }
        boolean forceInProcess = "in-process".equals(System.getenv("TEST_INFRASTRUCTURE"));
        if (!forceInProcess && dockerAvailable()) {
            return startContainers();
        }
        return startInProcess();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static Infrastructure startContainers() {
        var kafka = new KafkaContainer("apache/kafka:4.1.1");
        var postgres = new PostgreSQLContainer("postgres:17-alpine");
        kafka.start();
        postgres.start();
        return new Infrastructure("testcontainers", kafka.getBootstrapServers(), null, postgres.getHost(),
                postgres.getMappedPort(5432), postgres.getUsername(), postgres.getPassword());
    }

    private static Infrastructure startInProcess() {
        try {
            String durable = "production".equals(System.getProperty(DURABILITY_PROPERTY)) ? "on" : "off";
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .start();
            // The test kit names its listeners EXTERNAL (clients) and CONTROLLER; passwords are new in every JVM.
            KafkaCredentials credentials = KafkaCredentials.generate();
            var properties = new HashMap<>(BrokerSecurity.brokerProperties(List.of("EXTERNAL"), "CONTROLLER", credentials));
            // Tests create topics of their own on first use; only admin (a super user) may, services may not.
            properties.put("auto.create.topics.enable", "true");
            properties.put("num.partitions", "4");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            var broker = new EmbeddedKafkaKraftBroker(1, 4);
            broker.brokerProperties(properties);
            broker.afterPropertiesSet();
            long provisioning = System.nanoTime();
            KafkaProvisioning.apply(broker.getBrokersAsString(), credentials, 4, (short) 1, Duration.ofMinutes(1));
            log.info("Kafka users, ACLs and topics set up in {} ms", (System.nanoTime() - provisioning) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.destroy();
                } catch (RuntimeException ignored) {
                    // the JVM is going away; nothing left to protect
                }
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // same
                }
            }, "test-infrastructure-stop"));
            var infrastructure = new Infrastructure("in-process", broker.getBrokersAsString(), credentials, "localhost",
                    postgres.getPort(), "postgres", "postgres");
            infrastructure.broker = broker;
            return infrastructure;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start in-process Kafka and PostgreSQL", e);
        }
    }

    private static KafkaCredentials readCredentials(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read TEST_KAFKA_CREDENTIALS " + file, e);
        }
        var passwords = new HashMap<String, String>();
        properties.forEach((k, v) -> passwords.put(String.valueOf(k), String.valueOf(v).strip()));
        return KafkaCredentials.of(passwords);
    }
}
