package com.brandclosure.localstack;

import com.brandclosure.kafkaaccess.KafkaCredentials;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The local stack's infrastructure: one PostgreSQL server and one Kafka broker, both with their data
 * under one state folder ({@code postgres/}, {@code kafka/}) and their output under {@code logs/}.
 * Started PostgreSQL first, stopped Kafka first: the reverse of start order. The Kafka users' passwords
 * are in {@code kafka-credentials.properties} in the state folder, generated at the first start.
 */
public final class LocalInfrastructure implements AutoCloseable {

    /**
     * @param stateDirectory    the folder the data lives in ({@code .local-stack} for run.sh)
     * @param kafkaPort         Kafka client port
     * @param controllerPort    Kafka KRaft controller port
     * @param postgresPort      PostgreSQL port
     * @param databases         databases created if missing
     * @param kafkaClasspath    classpath of the Kafka process (Kafka server jars + logging binding)
     */
    public record Settings(Path stateDirectory, int kafkaPort, int controllerPort, int postgresPort,
                           List<String> databases, String kafkaClasspath, Duration startTimeout) {

        public Settings {
            databases = List.copyOf(databases);
            stateDirectory = stateDirectory.toAbsolutePath().normalize();
        }

        public Path logs() {
            return stateDirectory.resolve("logs");
        }

        public Path kafkaLog() {
            return logs().resolve("kafka.log");
        }

        public Path postgresLog() {
            return logs().resolve("postgres.log");
        }

        /** {@code user=password} of every Kafka user (admin, broker, one per service, tracking); owner-readable only. */
        public Path kafkaCredentials() {
            return stateDirectory.resolve("kafka-credentials.properties");
        }
    }

    private final Settings settings;
    private final LocalPostgres postgres;
    private final KafkaBroker kafka;

    private LocalInfrastructure(Settings settings, LocalPostgres postgres, KafkaBroker kafka) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Checks the ports, then starts PostgreSQL and Kafka and returns when both answer. */
    public static LocalInfrastructure start(Settings settings) throws IOException, InterruptedException {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("PostgreSQL", settings.postgresPort());
        ports.put("Kafka", settings.kafkaPort());
        ports.put("Kafka controller", settings.controllerPort());
        Ports.requireFree(ports);

        LocalPostgres postgres = LocalPostgres.start(settings.stateDirectory().resolve("postgres"), settings.postgresPort(),
                settings.postgresLog(), settings.databases());
        try {
            KafkaBroker kafka = KafkaBroker.start(settings.stateDirectory().resolve("kafka"), settings.kafkaPort(),
                    settings.controllerPort(), settings.kafkaClasspath(), settings.kafkaLog(), settings.startTimeout(),
                    KafkaCredentials.loadOrCreate(settings.kafkaCredentials()));
            return new LocalInfrastructure(settings, postgres, kafka);
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Kafka first (its clients are gone by now), then PostgreSQL. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
