package com.brandclosure.localstack;

import com.brandclosure.events.Topics;
import com.brandclosure.kafkaaccess.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's infrastructure for real: a Kafka broker process and a PostgreSQL server on free
 * ports in a temporary state folder, stopped and started again on the same folder. What was written
 * before the stop must be there after it: this is what lets ./run.sh continue where it stopped.
 */
class LocalInfrastructureRestartTest {

    private static final String TOPIC = "local-stack.restart-check";
    private static final String DATABASE = "restart_check";

    @Test
    void a_restart_on_the_same_folder_keeps_the_table_row_the_topic_and_its_records(@TempDir Path state) throws Exception {
        var settings = settings(state);

        String clusterId;
        try (var infrastructure = LocalInfrastructure.start(settings)) {
            try (var c = infrastructure.postgres().connect(DATABASE); var s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text NOT NULL)");
                s.execute("INSERT INTO kept VALUES (1, 'written before the restart')");
            }
            try (Admin admin = admin(infrastructure)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (var producer = producer(infrastructure)) {
                // acks=all and get(): the record is on the broker's log before we stop it.
                producer.send(new ProducerRecord<>(TOPIC, "account-1", "before the restart")).get(30, TimeUnit.SECONDS);
            }
            clusterId = clusterIdOf(state);
            assertThat(clusterId).isNotBlank();
        }

        // Stopped means gone: the ports are free again, so nothing of the first run is still serving.
        assertThat(Ports.isFree(settings.postgresPort())).as("PostgreSQL port free after stop").isTrue();
        assertThat(Ports.isFree(settings.kafkaPort())).as("Kafka port free after stop").isTrue();
        assertThat(Ports.isFree(settings.controllerPort())).as("Kafka controller port free after stop").isTrue();

        String credentials = Files.readString(settings.kafkaCredentials());
        try (var infrastructure = LocalInfrastructure.start(settings)) {
            // The storage was not formatted again: same cluster, same data.
            assertThat(clusterIdOf(state)).isEqualTo(clusterId);
            // The generated passwords are kept, and the broker still enforces the ACLs after a restart.
            assertThat(Files.readString(settings.kafkaCredentials())).isEqualTo(credentials);
            try (var catalog = producer(infrastructure, "catalog-service")) {
                assertThatThrownBy(() -> catalog.send(new ProducerRecord<>(Topics.CLOSURE, "acme", "{}")).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (var orchestrator = producer(infrastructure, "closure-orchestrator")) {
                assertThat(orchestrator.send(new ProducerRecord<>(Topics.CLOSURE, "acme", "{}")).get(30, TimeUnit.SECONDS)).isNotNull();
            }

            try (var c = infrastructure.postgres().connect(DATABASE); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
                assertThat(rs.next()).as("row written before the restart").isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the restart");
            }
            try (Admin admin = admin(infrastructure)) {
                var description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
                assertThat(description.partitions()).hasSize(3);
            }
            try (var consumer = consumer(infrastructure)) {
                consumer.subscribe(List.of(TOPIC));
                var received = new ArrayList<ConsumerRecord<String, String>>();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                    assertThat(received).extracting(ConsumerRecord::value).containsExactly("before the restart");
                });
            }
        }
        assertThat(Ports.isFree(settings.kafkaPort())).as("Kafka port free after the second stop").isTrue();
    }

    @Test
    void a_taken_port_fails_at_once_naming_the_port_and_starts_nothing(@TempDir Path state) throws Exception {
        var settings = settings(state);
        try (var squatter = new java.net.ServerSocket(settings.kafkaPort())) {
            assertThatThrownBy(() -> LocalInfrastructure.start(settings))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("port " + settings.kafkaPort() + " (Kafka)");
        }
        // Checked before PostgreSQL: no data directory was created, so nothing was started.
        assertThat(Files.exists(state.resolve("postgres"))).isFalse();
        assertThat(Ports.isFree(settings.postgresPort())).isTrue();
    }

    private static LocalInfrastructure.Settings settings(Path state) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 3) {
            ports.add(Ports.freePort());
        }
        var p = ports.iterator();
        // The test JVM's classpath has the Kafka server jars and logback, as target/lib has for run.sh.
        return new LocalInfrastructure.Settings(state, p.next(), p.next(), p.next(), List.of(DATABASE),
                System.getProperty("java.class.path"), Duration.ofMinutes(2));
    }

    private static String clusterIdOf(Path state) throws Exception {
        var properties = new java.util.Properties();
        try (var in = Files.newInputStream(state.resolve("kafka/data/meta.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("cluster.id");
    }

    private static Admin admin(LocalInfrastructure infrastructure) {
        return Admin.create(infrastructure.kafka().clientProperties(KafkaAccess.ADMIN));
    }

    private static KafkaProducer<String, String> producer(LocalInfrastructure infrastructure) {
        return producer(infrastructure, KafkaAccess.ADMIN);
    }

    private static KafkaProducer<String, String> producer(LocalInfrastructure infrastructure, String user) {
        var config = new HashMap<>(infrastructure.kafka().clientProperties(user));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(LocalInfrastructure infrastructure) {
        var config = new HashMap<>(infrastructure.kafka().clientProperties(KafkaAccess.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
