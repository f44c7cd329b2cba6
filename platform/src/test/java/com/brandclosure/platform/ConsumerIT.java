package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.inbox.Inbox;
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
import java.util.UUID;

import static com.brandclosure.platform.testapp.PlatformTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbox -> relay -> Kafka -> idempotent consumer, and the dead-letter path, in one Spring
 * application on the real broker and database.
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
    Inbox inbox;

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

    void publish(String account, String what) {
        tx.executeWithoutResult(s -> outbox.publish(TOPIC, new PreconditionMet(account, what, "src"),
                new EventMetadata(UUID.randomUUID(), "tester", "corr-" + account, null, Instant.now())));
    }

    @Test
    void a_committed_event_reaches_the_consumer_once_and_a_redelivery_has_no_second_effect() {
        String account = "acct-" + UUID.randomUUID();
        publish(account, "contracts");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 1);

        var record = probe.records(r -> account.equals(r.key())).get(0);
        long skippedBefore = inbox.duplicatesSkipped();
        probe.send(TOPIC, account, record.value());

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.duplicatesSkipped() > skippedBefore);
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
    void a_poison_message_goes_to_the_dead_letter_topic_with_the_error_and_the_next_one_is_processed() {
        String account = "acct-" + UUID.randomUUID();
        probe.send(TOPIC, account, "{this is not json");
        publish(account, "next");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !probe.records(r -> r.topic().equals(TOPIC + ".DLT")
                && account.equals(r.key())).isEmpty());
        var dead = probe.records(r -> r.topic().equals(TOPIC + ".DLT") && account.equals(r.key())).get(0);
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("not a JSON envelope");
    }

    @Test
    void a_message_whose_handler_keeps_failing_is_retried_then_dead_lettered_and_the_partition_moves_on() {
        String account = "acct-" + UUID.randomUUID();
        publish(account, "fail");
        publish(account, "fine");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(account) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.records(r -> r.topic().equals(TOPIC + ".DLT")
                && account.equals(r.key())).size() == 1);
        var dead = probe.records(r -> r.topic().equals(TOPIC + ".DLT") && account.equals(r.key())).get(0);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("fails for this event on purpose");
    }
}
