package com.brandclosure.testkit;

import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void gives_a_real_postgres_and_a_real_kafka_once_per_jvm() throws Exception {
        Infrastructure infra = Infrastructure.get();
        assertThat(Infrastructure.get()).isSameAs(infra);

        try (var c = DriverManager.getConnection(infra.jdbcUrl("kit_probe"), infra.postgresUser(), infra.postgresPassword())) {
            var rs = c.createStatement().executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, current_database()");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("kit_probe");
        }
        try (var admin = AdminClient.create(infra.kafkaAdminProperties())) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }
}
