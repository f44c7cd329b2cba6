package com.brandclosure.localstack;

import com.brandclosure.kafkaaccess.BrokerSecurity;
import com.brandclosure.kafkaaccess.KafkaAccess;
import com.brandclosure.kafkaaccess.KafkaCredentials;
import com.brandclosure.kafkaaccess.KafkaProvisioning;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from the
 * Kafka server jars on this module's classpath as a separate {@code java kafka.Kafka} process, with its
 * log directory under {@code <home>/data}. The storage is formatted once; a later start reuses it, so
 * topics, records and consumer offsets survive a restart.
 * <p>
 * Clients authenticate (SASL/SCRAM-SHA-512, no PLAINTEXT listener) and the {@code StandardAuthorizer}
 * enforces the kafka-access ACLs ({@link BrokerSecurity}, {@link KafkaAccess}). After every start the
 * launcher, as {@code admin}, sets each principal's SCRAM credential from the given passwords, the ACLs
 * and the system's topics ({@link KafkaProvisioning}); a changed password file takes effect then.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Same partition count as the services create their topics with (platform.kafka.partitions). */
    private static final int PARTITIONS = 4;

    /** Enough for Kafka's controlled shutdown (it moves nothing on a single node, but flushes and writes a clean-shutdown marker). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final KafkaCredentials credentials;

    private KafkaBroker(Process process, int port, Path log, KafkaCredentials credentials) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.credentials = credentials;
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it answers a metadata request.
     *
     * @param home           broker folder: {@code server.properties} and {@code data/} live there
     * @param port           client listener (localhost)
     * @param controllerPort KRaft controller listener (localhost)
     * @param classpath      a classpath with the Kafka server jars and a logging binding
     * @param log            where the broker's output goes
     * @param credentials    the passwords of every Kafka user ({@link KafkaAccess#users()})
     */
    public static KafkaBroker start(Path home, int port, int controllerPort, String classpath, Path log, Duration timeout,
                                    KafkaCredentials credentials) throws IOException, InterruptedException {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path config = home.resolve("server.properties");
        // Written on every start so a change of ports takes effect; the cluster identity lives in data/meta.properties.
        // It holds the super users' passwords (PLAIN JAAS lines): owner-only, like the credentials file.
        Files.deleteIfExists(config);
        Files.createFile(config, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, serverProperties(data, port, controllerPort, credentials), StandardCharsets.UTF_8);

        if (!Files.exists(data.resolve("meta.properties"))) {
            format(home, config, classpath, log);
        }

        var command = new ArrayList<>(jvm(classpath));
        command.add("kafka.Kafka");
        command.add(config.toString());
        Process process = ChildProcesses.start(command, home, log);
        var broker = new KafkaBroker(process, port, log, credentials);
        try {
            Waits.until("Kafka on localhost:" + port + " to answer", timeout, broker::answers,
                    () -> ChildProcesses.exitReason(process, log));
            KafkaProvisioning.apply(broker.bootstrapServers(), credentials, PARTITIONS, (short) 1, timeout);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Client properties (bootstrap servers, SASL) of a Kafka user: {@code admin} for tools, a service's name for it. */
    public Map<String, Object> clientProperties(String user) {
        var properties = new HashMap<String, Object>(credentials.clientProperties(user));
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    public KafkaCredentials credentials() {
        return credentials;
    }

    public Process process() {
        return process;
    }

    /** Controlled shutdown (SIGTERM), then waits for the process to be gone. */
    @Override
    public void close() {
        ChildProcesses.askToStop(process);
        ChildProcesses.awaitStopped(process, STOP_GRACE);
    }

    private boolean answers() {
        // PLAIN as admin: the super users are defined in server.properties, SCRAM users only after provisioning.
        var config = new HashMap<String, Object>(credentials.bootstrapAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** {@code kafka-storage.sh format}: writes meta.properties and the bootstrap metadata with a new cluster id. */
    private static void format(Path home, Path config, String classpath, Path log) throws IOException, InterruptedException {
        var command = new ArrayList<>(jvm(classpath));
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(),
                "--ignore-formatted"));
        Process format = ChildProcesses.start(command, home, log);
        if (!format.waitFor(2, TimeUnit.MINUTES)) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka storage did not finish in 2 minutes; see " + log);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + format.exitValue() + "):"
                    + System.lineSeparator() + ChildProcesses.tail(log, 30));
        }
    }

    private static List<String> jvm(String classpath) {
        return List.of(ChildProcesses.java(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                // The broker logs at INFO into its own file; the launcher's console stays quiet (logback.xml).
                "-Dlogback.configurationFile=localstack-kafka-logback.xml",
                "-cp", classpath);
    }

    private static String serverProperties(Path data, int port, int controllerPort, KafkaCredentials credentials) {
        String security = BrokerSecurity.brokerProperties(List.of("CLIENT"), "CONTROLLER", credentials).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(System.lineSeparator()));
        return """
                # Written by the local stack at every start (local-stack/.../KafkaBroker.java); edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=CLIENT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=CLIENT://localhost:%1$d
                controller.listener.names=CONTROLLER
                log.dirs=%3$s
                # One node: every internal topic has one replica.
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Same partition count as the services create their topics with (platform.kafka.partitions).
                num.partitions=4
                # No 3 s wait before the first consumer group rebalance: the services start together.
                group.initial.rebalance.delay.ms=0
                # SASL (SCRAM for clients, PLAIN for the super users broker and admin), StandardAuthorizer, ACLs
                # (kafka-access BrokerSecurity; the passwords are those of kafka-credentials.properties).
                %4$s
                """.formatted(port, controllerPort, data.toAbsolutePath(), security);
    }
}
