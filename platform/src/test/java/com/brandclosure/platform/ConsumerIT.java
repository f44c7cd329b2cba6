package com.brandclosure.platform;

import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.brandclosure.platform.testapp.PlatformTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Outbox -> relay -> Kafka -> batch consumer (InboundBatches), the dead-letter path and per-account
 * parking, in one Spring application on the real broker and database.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@RealInfrastructure(database = "platform_it")
class ConsumerIT {

    static KafkaProbe probe;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboundBatches inbound;

    String consumer() {
        return inbound.consumerName(PlatformTestApplication.Listener.PURPOSE);
    }

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(TOPIC, TOPIC + ".DLT");
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    int effects(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effects WHERE account_id = ?", Integer.class, account);
    }

    boolean parked(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM parked_accounts WHERE consumer = ? AND account_id = ?",
                Integer.class, consumer(), account) == 1;
    }

    int waiting(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM parked_records WHERE consumer = ? AND account_id = ?",
                Integer.class, consumer(), account);
    }

    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> deadLetters(String key) {
        return probe.records(r -> r.topic().equals(TOPIC + ".DLT") && key.equals(r.key()));
    }

    static Outbox.Message message(String account, String what) {
        return new Outbox.Message(TOPIC, new PreconditionMet(account, what, "src"),
                new EventMetadata(UUID.randomUUID(), "tester", "corr-" + account, null, Instant.now()));
    }

    void publish(String account, String what) {
        tx.executeWithoutResult(s -> outbox.publishAll(List.of(message(account, what))));
    }

    @Test
    void a_committed_event_reaches_the_consumer_once_and_a_redelivery_has_no_second_effect() {
        String account = "acct-" + UUID.randomUUID();
        publish(account, "contracts");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 1
                && !probe.records(r -> account.equals(r.key())).isEmpty());

        var record = probe.records(r -> account.equals(r.key())).get(0);
        long skippedBefore = inbound.duplicatesSkipped();
        probe.send(TOPIC, account, record.value());

        await().atMost(Duration.ofSeconds(30)).until(() -> inbound.duplicatesSkipped() > skippedBefore);
        assertThat(effects(account)).isEqualTo(1);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        String account = "acct-" + UUID.randomUUID();
        try {
            tx.executeWithoutResult(s -> {
                outbox.publish(TOPIC, new PreconditionMet(account, "x", "src"),
                        new EventMetadata(UUID.randomUUID(), "tester", "c", null, Instant.now()));
                throw new IllegalStateException("the command fails after publishing");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        String marker = "acct-" + UUID.randomUUID();
        publish(marker, "after");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertThat(probe.records(r -> account.equals(r.key()))).isEmpty();
        assertThat(effects(account)).isZero();
    }

    @Test
    void a_poison_message_is_dead_lettered_with_the_error_parks_its_account_and_other_accounts_flow_on() {
        String account = "acct-" + UUID.randomUUID();
        String other = "acct-" + UUID.randomUUID();
        probe.send(TOPIC, account, "{this is not json");
        publish(account, "next");
        publish(other, "unrelated");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(other) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters(account).isEmpty());
        var dead = deadLetters(account).get(0);
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("not a JSON envelope");

        // The account's later record waits behind the dead letter instead of being applied as if nothing were missing.
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(account) == 1);
        assertThat(parked(account)).isTrue();
        assertThat(effects(account)).isZero();

        // Discarding the dead letter applies what waited, in order, and unparks the account.
        var released = inbound.release(consumer(), account, false);
        assertThat(released).containsEntry("applied", 1);
        assertThat(effects(account)).isEqualTo(1);
        assertThat(parked(account)).isFalse();
        publish(account, "after release");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 2);
    }

    @Test
    void a_record_whose_handler_fails_on_its_content_is_dead_lettered_at_once_and_a_failed_replay_keeps_the_account_parked() {
        String account = "acct-" + UUID.randomUUID();
        publish(account, "fail");
        publish(account, "fine");

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(account).size() == 1);
        var dead = deadLetters(account).get(0);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("fails for this event on purpose");
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(account) == 1);
        assertThat(effects(account)).isZero();

        // The handler still fails for it: the replay is refused and nothing moves.
        assertThatThrownBy(() -> inbound.release(consumer(), account, true))
                .hasMessageContaining("fails for this event on purpose");
        assertThat(parked(account)).isTrue();
        assertThat(waiting(account)).isEqualTo(1);
        assertThat(inbound.parked()).anySatisfy(p -> {
            assertThat(p.accountId()).isEqualTo(account);
            assertThat(p.waitingRecords()).isEqualTo(1);
            assertThat(p.error()).contains("fails for this event on purpose");
        });

        inbound.release(consumer(), account, false);
        assertThat(effects(account)).isEqualTo(1);
        assertThat(parked(account)).isFalse();
    }

    @Test
    void one_record_whose_key_envelope_and_payload_accounts_differ_is_dead_lettered_alone_in_a_poll_of_fifty() {
        String prefix = "batch-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String victim = prefix + "victim";
        publish(victim, "original");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(victim) == 1
                && !probe.records(r -> victim.equals(r.key())).isEmpty());
        String original = probe.records(r -> victim.equals(r.key())).get(0).value();

        List<Outbox.Message> first = new ArrayList<>();
        List<Outbox.Message> second = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            (i < 25 ? first : second).add(message(prefix + i, "good"));
        }
        tx.executeWithoutResult(s -> outbox.publishAll(first));
        String forger = prefix + "forger";
        probe.send(TOPIC, forger, original); // key says forger, envelope and payload say victim
        tx.executeWithoutResult(s -> outbox.publishAll(second));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Integer n = jdbc.queryForObject("SELECT count(*) FROM test_effects WHERE account_id LIKE ?", Integer.class,
                    prefix + "%");
            return n != null && n == 51;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(forger).size() == 1);
        assertThat(KafkaProbe.header(deadLetters(forger).get(0), "kafka_dlt-exception-message"))
                .contains("accounts differ");
        assertThat(effects(victim)).isEqualTo(1);
        for (int i = 0; i < 50; i++) {
            assertThat(effects(prefix + i)).as("account %d", i).isEqualTo(1);
        }
    }

    @Test
    void an_event_type_the_subscription_does_not_take_is_skipped_without_touching_the_inbox() {
        String account = "acct-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> outbox.publishAll(List.of(new Outbox.Message(TOPIC,
                new CatalogsDeleted(account, Instant.now(), 1),
                new EventMetadata(UUID.randomUUID(), "tester", "c", null, Instant.now())))));
        publish(account, "marker");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 1);
        var skipped = probe.records(r -> account.equals(r.key())
                && "CatalogsDeleted".equals(KafkaProbe.header(r, "event-type")));
        assertThat(skipped).hasSize(1);
        String skippedId = KafkaProbe.header(skipped.get(0), "event-id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_messages WHERE event_id = ?", Integer.class,
                skippedId)).isZero();
    }

    @Test
    void a_summary_published_before_source_versions_existed_is_read_with_version_zero_not_dead_lettered() {
        String account = "acct-" + UUID.randomUUID();
        String before = """
                {"eventId":"%s","type":"CatalogsDeleted","schemaVersion":1,"accountId":"%s",
                 "occurredAt":"2026-03-02T10:00:00Z","actor":"catalog-service","correlationId":"c","causationId":null,
                 "payload":{"accountId":"%s","asOf":"2026-03-02T10:00:00Z"}}""".formatted(UUID.randomUUID(), account,
                account);
        var event = inbound.decode(new org.apache.kafka.clients.consumer.ConsumerRecord<>("catalog.events", 0, 7L,
                account, before));
        assertThat(event.event()).isEqualTo(new CatalogsDeleted(account, Instant.parse("2026-03-02T10:00:00Z"), 0));
        // A current one keeps its version.
        String current = before.replace("\"asOf\":\"2026-03-02T10:00:00Z\"}",
                "\"asOf\":\"2026-03-02T10:00:00Z\",\"sourceVersion\":12}");
        assertThat(((CatalogsDeleted) inbound.decode(new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                "catalog.events", 0, 8L, account, current)).event()).sourceVersion()).isEqualTo(12);
    }
}
