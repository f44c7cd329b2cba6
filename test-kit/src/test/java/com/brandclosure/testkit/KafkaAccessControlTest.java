package com.brandclosure.testkit;

import com.brandclosure.events.Topics;
import com.brandclosure.kafkaaccess.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The test kit's broker enforces the system's Kafka security (kafka-access): a principal writes only
 * what {@code KafkaAccess} grants it, and nobody gets in without SCRAM credentials.
 */
class KafkaAccessControlTest {

    private static Infrastructure infra;

    @BeforeAll
    static void broker() {
        infra = Infrastructure.get();
        // The Testcontainers path runs PLAINTEXT without ACLs (see Infrastructure); the in-process path, CI's, enforces them.
        assumeThat(infra.kafkaAuthenticated()).as("the broker authenticates clients").isTrue();
    }

    @Test
    void a_forged_account_deactivated_from_another_service_is_refused_and_the_orchestrators_is_accepted() throws Exception {
        String account = "forged-" + UUID.randomUUID();
        try (var probe = new KafkaProbe(Topics.CLOSURE)) {
            try (var catalog = producer("catalog-service")) {
                assertThatThrownBy(() -> catalog.send(deactivated(account, "mallory")).get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (var tracking = producer(KafkaAccess.TRACKING)) {
                assertThatThrownBy(() -> tracking.send(deactivated(account, "mallory")).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (var orchestrator = producer("closure-orchestrator")) {
                // Idempotent (the client default, as the outbox relay uses it): WRITE on the topic is enough.
                RecordMetadata sent = orchestrator.send(deactivated(account, "support")).get(30, TimeUnit.SECONDS);
                assertThat(sent.topic()).isEqualTo(Topics.CLOSURE);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !probe.records(r -> account.equals(r.key())).isEmpty());
            assertThat(probe.records(r -> account.equals(r.key()))).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"actor\":\"support\""));
        }
    }

    @Test
    void each_service_writes_its_own_topic_and_the_dead_letter_topics_of_what_it_consumes_only() throws Exception {
        try (var payouts = producer("payouts-service")) {
            assertThat(payouts.send(new ProducerRecord<>(Topics.PAYOUTS, "a", "{}")).get(30, TimeUnit.SECONDS)).isNotNull();
            assertThat(payouts.send(new ProducerRecord<>(Topics.ACTIONS_INGEST + Topics.DEAD_LETTER_SUFFIX, "a", "{}"))
                    .get(30, TimeUnit.SECONDS)).isNotNull();
            assertThatThrownBy(() -> payouts.send(new ProducerRecord<>(Topics.ACTIONS_INGEST, "a", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> payouts.send(new ProducerRecord<>(Topics.FUNDING, "a", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (var tracking = producer(KafkaAccess.TRACKING)) {
            assertThat(tracking.send(new ProducerRecord<>(Topics.ACTIONS_INGEST, "a", "{}")).get(30, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void a_service_reads_what_it_consumes_in_its_own_groups_only() {
        try (var inGroup = consumer("catalog-service", "catalog-service")) {
            inGroup.subscribe(List.of(Topics.CLOSURE));
            // Joins the group and fetches; any authorisation failure would be thrown here.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                inGroup.poll(Duration.ofMillis(200));
                return !inGroup.assignment().isEmpty();
            });
        }
        try (var foreignTopic = consumer("catalog-service", "catalog-service")) {
            foreignTopic.subscribe(List.of(Topics.CONTRACTS));
            assertThatThrownBy(() -> pollFor(foreignTopic)).isInstanceOf(TopicAuthorizationException.class);
        }
        try (var foreignGroup = consumer("catalog-service", "payouts-service")) {
            foreignGroup.subscribe(List.of(Topics.CLOSURE));
            assertThatThrownBy(() -> pollFor(foreignGroup)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void services_see_the_system_topics_but_cannot_create_topics() throws Exception {
        try (var admin = Admin.create(infra.kafkaClientProperties("funding-service"))) {
            assertThat(admin.describeTopics(KafkaAccess.allTopics()).allTopicNames().get(30, TimeUnit.SECONDS))
                    .containsOnlyKeys(KafkaAccess.allTopics());
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("funding.sneaky-" + UUID.randomUUID(), 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TopicAuthorizationException.class);
        }
    }

    @Test
    void a_client_without_credentials_or_with_a_wrong_password_gets_nothing() {
        var plaintext = new HashMap<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000));
        try (var anonymous = new KafkaProducer<>(plaintext, new StringSerializer(), new StringSerializer())) {
            // The SASL listener drops a client that does not authenticate: no metadata, so the send cannot even start.
            assertThatThrownBy(() -> anonymous.send(deactivated("anonymous", "mallory")).get(30, TimeUnit.SECONDS))
                    .satisfiesAnyOf(
                            e -> assertThat(e).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class),
                            e -> assertThat(e).hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class));
        }

        var wrongPassword = new HashMap<>(infra.kafkaClientProperties("closure-orchestrator"));
        wrongPassword.put("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"closure-orchestrator\" password=\"guessed-password\";");
        wrongPassword.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        try (var guessed = new KafkaProducer<>(wrongPassword, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> guessed.send(deactivated("guessed", "mallory")).get(30, TimeUnit.SECONDS))
                    .satisfiesAnyOf(
                            e -> assertThat(e).isInstanceOf(SaslAuthenticationException.class),
                            e -> assertThat(e).hasCauseInstanceOf(SaslAuthenticationException.class));
        }
    }

    private static void pollFor(KafkaConsumer<String, String> consumer) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200));
        }
        throw new AssertionError("30 s of polling without an authorisation error");
    }

    private static ProducerRecord<String, String> deactivated(String account, String actor) {
        Instant now = Instant.now();
        String value = """
                {"eventId":"%s","type":"AccountDeactivated","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"%s","correlationId":"c-1","causationId":null,
                 "payload":{"accountId":"%s","closureDate":"%s","deactivatedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), account, now, actor, account, LocalDate.now(ZoneOffset.UTC), now);
        var record = new ProducerRecord<>(Topics.CLOSURE, account, value);
        record.headers().add("event-type", "AccountDeactivated".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer(String principal) {
        var config = new HashMap<>(infra.kafkaClientProperties(principal));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        var config = new HashMap<>(infra.kafkaClientProperties(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
