package com.brandclosure.testkit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The faults the chaos journey injects into the shared broker and server, each shown to happen and to end. */
class InfrastructureFaultsTest {

    private final Infrastructure infra = Infrastructure.get();

    @Test
    void the_broker_is_away_while_stopped_and_keeps_its_port_and_its_records_after_the_restart() throws Exception {
        assumeTrue(infra.canRestart(), "only the in-process path owns its broker");
        infra.createTopics("kit-restart");
        var props = new HashMap<String, Object>(infra.kafkaAdminProperties());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("max.block.ms", "5000");
        props.put("delivery.timeout.ms", "6000");
        props.put("request.timeout.ms", "3000");
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>("kit-restart", 0, "k", "before")).get(30, TimeUnit.SECONDS);
            var sentWhileDown = new AtomicBoolean(true);
            infra.restartKafka(() -> {
                try {
                    producer.send(new ProducerRecord<>("kit-restart", 0, "k", "while down")).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    sentWhileDown.set(false);
                }
            });
            assertThat(sentWhileDown).as("a send while the broker is stopped fails").isFalse();
            producer.send(new ProducerRecord<>("kit-restart", 0, "k", "after")).get(60, TimeUnit.SECONDS);
        }
        try (var admin = AdminClient.create(infra.kafkaAdminProperties())) {
            var tp = new TopicPartition("kit-restart", 0);
            ListOffsetsResult.ListOffsetsResultInfo end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp);
            assertThat(end.offset()).as("the record sent before the restart is kept").isEqualTo(2);
        }
    }

    @Test
    void a_postgres_restart_cuts_every_connection_and_keeps_the_data() throws Exception {
        assumeTrue(infra.canRestart(), "only the in-process path owns its server");
        String url = infra.freshDatabase("kit_restart");
        try (Connection before = connect(url)) {
            before.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
            infra.restartPostgres();
            assertThatThrownBy(() -> before.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
        try (Connection after = connect(url); var rs = after.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void terminating_a_database_s_connections_fails_their_next_statement_and_spares_the_others() throws Exception {
        String url = infra.freshDatabase("kit_terminated");
        String other = infra.freshDatabase("kit_spared");
        try (Connection victim = connect(url); Connection spared = connect(other)) {
            victim.createStatement().execute("SELECT 1");
            assertThat(infra.terminateConnections("kit_terminated")).isEqualTo(1);
            assertThatThrownBy(() -> victim.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
            assertThat(spared.createStatement().executeQuery("SELECT 1").next()).isTrue();
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, infra.postgresUser(), infra.postgresPassword());
    }
}
