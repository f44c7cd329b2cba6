package com.brandclosure.kafkaaccess;

import com.brandclosure.events.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaAccessTest {

    @Test
    void each_topic_has_exactly_one_writer_besides_the_dead_letter_writers_of_its_consumers() {
        assertThat(writersOf(Topics.CLOSURE)).containsExactly("User:closure-orchestrator");
        assertThat(writersOf(Topics.CONTRACTS)).containsExactly("User:contracts-service");
        assertThat(writersOf(Topics.PAYOUTS)).containsExactly("User:payouts-service");
        assertThat(writersOf(Topics.FUNDING)).containsExactly("User:funding-service");
        assertThat(writersOf(Topics.CATALOG)).containsExactly("User:catalog-service");
        assertThat(writersOf(Topics.ACTIONS_INGEST)).containsExactly("User:tracking");
        // closure.events is consumed by contracts, payouts, funding and catalog: each may dead-letter it.
        assertThat(writersOf(Topics.CLOSURE + Topics.DEAD_LETTER_SUFFIX)).containsExactlyInAnyOrder(
                "User:contracts-service", "User:payouts-service", "User:funding-service", "User:catalog-service");
        assertThat(writersOf(Topics.ACTIONS_INGEST + Topics.DEAD_LETTER_SUFFIX)).containsExactly("User:payouts-service");
    }

    @Test
    void nobody_but_the_super_users_may_create_alter_or_delete() {
        assertThat(KafkaAccess.aclBindings()).extracting(b -> b.entry().operation())
                .containsOnly(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(KafkaAccess.aclBindings()).noneMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER);
        assertThat(KafkaAccess.superUsers()).isEqualTo("User:broker;User:admin");
        assertThat(KafkaAccess.PRINCIPALS).extracting(KafkaAccess.Principal::name)
                .doesNotContain(KafkaAccess.ADMIN, KafkaAccess.BROKER);
    }

    @Test
    void the_tracking_principal_only_writes_the_ingest_topic() {
        var tracking = KafkaAccess.principal(KafkaAccess.TRACKING).orElseThrow();
        assertThat(KafkaAccess.aclBindings(tracking)).singleElement().satisfies(b -> {
            assertThat(b.pattern().name()).isEqualTo(Topics.ACTIONS_INGEST);
            assertThat(b.entry().operation()).isEqualTo(AclOperation.WRITE);
        });
    }

    @Test
    void credentials_are_generated_once_kept_owner_only_and_complete(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka-credentials.properties");
        var first = KafkaCredentials.loadOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var again = KafkaCredentials.loadOrCreate(file);
        for (String user : KafkaAccess.users()) {
            assertThat(again.password(user)).isEqualTo(first.password(user)).hasSize(32);
        }
        assertThat(KafkaAccess.users().stream().map(first::password).collect(Collectors.toSet()))
                .as("one password per user").hasSize(KafkaAccess.users().size());
        assertThatThrownBy(() -> KafkaCredentials.of(Map.of("admin", "short"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(first.jaasConfig("catalog-service")).contains("username=\"catalog-service\"")
                .contains("password=\"" + first.password("catalog-service") + "\"");
        assertThat(KafkaCredentials.environmentVariable("closure-orchestrator")).isEqualTo("KAFKA_PASSWORD_CLOSURE_ORCHESTRATOR");
    }

    @Test
    void the_broker_settings_have_no_plaintext_listener_and_deny_by_default() {
        var properties = BrokerSecurity.brokerProperties(List.of("CLIENT"), "CONTROLLER", KafkaCredentials.generate());
        assertThat(properties.get("listener.security.protocol.map")).isEqualTo("CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        assertThat(properties).containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        // PLAIN accepts only the two super users; services exist only as SCRAM credentials.
        assertThat(properties.get("listener.name.client.plain.sasl.jaas.config"))
                .contains("user_broker=", "user_admin=").doesNotContain("user_catalog-service");
    }

    @Test
    void the_services_that_adopt_the_account_locale_may_read_the_payouts_topic() {
        // AccountLocaleDecided is published on payouts.events; contracts and funding adopt it.
        assertThat(readersOf(Topics.PAYOUTS)).contains("User:contracts-service", "User:funding-service",
                "User:closure-orchestrator");
        assertThat(writersOf(Topics.PAYOUTS + Topics.DEAD_LETTER_SUFFIX)).contains("User:contracts-service");
    }

    private static Set<String> readersOf(String topic) {
        return KafkaAccess.aclBindings().stream()
                .filter(b -> b.entry().operation() == AclOperation.READ && b.pattern().name().equals(topic))
                .map(AclBinding::entry).map(e -> e.principal()).collect(Collectors.toSet());
    }

    private static Set<String> writersOf(String topic) {
        return KafkaAccess.aclBindings().stream()
                .filter(b -> b.entry().operation() == AclOperation.WRITE && b.pattern().name().equals(topic))
                .map(AclBinding::entry).map(e -> e.principal()).collect(Collectors.toSet());
    }
}
