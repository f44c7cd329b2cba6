package com.brandclosure.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from the
 * Kafka server jars on this module's classpath as a separate {@code java kafka.Kafka} process, with its
 * log directory under {@code <home>/data}. The storage is formatted once; a later start reuses it, so
 * topics, records and consumer offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Enough for Kafka's controlled shutdown (it moves nothing on a single node, but flushes and writes a clean-shutdown marker). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private KafkaBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it answers a metadata request.
     *
     * @param home           broker folder: {@code server.properties} and {@code data/} live there
     * @param port           client listener (localhost)
     * @param controllerPort KRaft controller listener (localhost)
     * @param classpath      a classpath with the Kafka server jars and a logging binding
     * @param log            where the broker's output goes
     */
    public static KafkaBroker start(Path home, int port, int controllerPort, String classpath, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path config = home.resolve("server.properties");
        // Written on every start so a change of ports takes effect; the cluster identity lives in data/meta.properties.
        Files.writeString(config, serverProperties(data, port, controllerPort), StandardCharsets.UTF_8);

        if (!Files.exists(data.resolve("meta.properties"))) {
            format(home, config, classpath, log);
        }

        var command = new ArrayList<>(jvm(classpath));
        command.add("kafka.Kafka");
        command.add(config.toString());
        Process process = ChildProcesses.start(command, home, log);
        var broker = new KafkaBroker(process, port, log);
        try {
            Waits.until("Kafka on localhost:" + port + " to answer", timeout, broker::answers,
                    () -> ChildProcesses.exitReason(process, log));
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
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
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

    private static String serverProperties(Path data, int port, int controllerPort) {
        return """
                # Written by the local stack at every start (local-stack/.../KafkaBroker.java); edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
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
                """.formatted(port, controllerPort, data.toAbsolutePath());
    }
}
