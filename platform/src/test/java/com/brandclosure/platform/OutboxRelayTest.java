package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.outbox.OutboxRelay;
import com.brandclosure.testkit.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox relay against the real PostgreSQL and the real Kafka broker. */
class OutboxRelayTest {

    static PlatformFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PlatformFixture("platform_relay", TestEvents.types(), 20);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID(), "tester", "corr", null, Instant.now());
    }

    static void publish(String topic, String account, long seq) {
        fixture.outbox.publish(topic, new PreconditionMet(account, "seq-" + seq, "src"), metadata());
    }

    static long seq(ConsumerRecord<String, String> r) {
        String v = r.value();
        int i = v.indexOf("seq-") + 4;
        return Long.parseLong(v.substring(i, v.indexOf('"', i)));
    }

    static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "event-id")).collect(Collectors.toSet());
    }

    @Test
    void a_transaction_that_commits_after_a_later_one_is_not_skipped() throws Exception {
        String topic = "relay-late-" + UUID.randomUUID();
        // Created up front: an idempotent producer racing the broker's auto-creation can stall.
        com.brandclosure.testkit.Infrastructure.get().createTopics(topic);
        try (var probe = new KafkaProbe(topic);
             OutboxRelay relay = fixture.relay(100, n -> { })) {
            drain(relay);
            CountDownLatch firstInserted = new CountDownLatch(1);
            CountDownLatch secondCommitted = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> early = pool.submit(() -> fixture.tx.executeWithoutResult(s -> {
                publish(topic, "acct-early", 1);      // smaller id and transaction id...
                firstInserted.countDown();
                awaitLatch(secondCommitted);                // ...but commits last
            }));
            firstInserted.await();
            pool.submit(() -> fixture.tx.executeWithoutResult(s -> publish(topic, "acct-late", 1))).get();

            // The later transaction is committed, the earlier still open: the relay must wait for it.
            int sentWhileOpen = relay.relayOnce();
            secondCommitted.countDown();
            early.get(10, TimeUnit.SECONDS);
            pool.shutdown();
            int sentAfter = drain(relay);

            assertThat(sentWhileOpen).isZero();
            assertThat(sentAfter).isEqualTo(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= 2);
            assertThat(probe.records()).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("acct-early", "acct-late");
        }
    }

    @Test
    void concurrent_writers_with_interleaved_commits_lose_nothing_and_keep_each_accounts_order() throws Exception {
        String topic = "relay-stress-" + UUID.randomUUID();
        // Created up front: an idempotent producer racing the broker's auto-creation can stall.
        com.brandclosure.testkit.Infrastructure.get().createTopics(topic);
        int writers = 8;
        int perWriter = 250;
        int accounts = 20;
        int total = writers * perWriter;
        try (var probe = new KafkaProbe(topic)) {
            OutboxRelay relay = fixture.relay(500, n -> { });
            relay.start();
            try {
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            String account = topic + "-acct-" + ThreadLocalRandom.current().nextInt(accounts);
                            appendAndPublish(topic, account);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> eventIds(probe.records()).size() == total);
            } finally {
                relay.stop(); // also when the wait fails, so later tests' rows are not taken by this relay
            }

            Map<String, List<Long>> seqByAccount = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (var r : probe.records()) {
                if (seen.add(KafkaProbe.header(r, "event-id"))) {
                    seqByAccount.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(seq(r));
                }
            }
            assertThat(seqByAccount.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
            seqByAccount.forEach((account, seqs) -> {
                for (int i = 0; i < seqs.size(); i++) {
                    assertThat(seqs.get(i)).as("order of %s", account).isEqualTo(i + 1L);
                }
            });
        }
    }

    /** One command: read the stream, append the next version, publish it, in one transaction; retry on conflict. */
    private static void appendAndPublish(String topic, String account) {
        while (true) {
            try {
                fixture.tx.executeWithoutResult(s -> {
                    long version = fixture.eventStore.version(account);
                    fixture.eventStore.append(account, version,
                            List.of(new NewEvent(new TestEvents.Counted(account, version + 1), metadata())));
                    publish(topic, account, version + 1);
                });
                return;
            } catch (ConcurrencyConflictException e) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void a_relay_that_dies_between_send_and_position_update_loses_nothing_after_restart() throws Exception {
        String topic = "relay-crash-" + UUID.randomUUID();
        // Created up front: an idempotent producer racing the broker's auto-creation can stall.
        com.brandclosure.testkit.Infrastructure.get().createTopics(topic);
        try (var probe = new KafkaProbe(topic)) {
            OutboxRelay before = fixture.relay(1000, n -> { });
            drain(before);
            String position = fixture.jdbc.queryForObject(
                    "SELECT last_tx_id::text || '/' || last_id FROM outbox_relay_position", String.class);
            fixture.tx.executeWithoutResult(s -> {
                for (int i = 1; i <= 300; i++) {
                    publish(topic, "acct-crash-" + (i % 7), i);
                }
            });

            OutboxRelay crashing = fixture.relay(1000, n -> {
                throw new IllegalStateException("simulated crash after the broker acknowledged " + n + " records");
            });
            assertThatThrownBy(crashing::relayOnce).hasMessageContaining("simulated crash");
            assertThat(fixture.jdbc.queryForObject(
                    "SELECT last_tx_id::text || '/' || last_id FROM outbox_relay_position", String.class))
                    .isEqualTo(position);
            // The batch reached Kafka before the crash.
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= 300);

            OutboxRelay restarted = fixture.relay(1000, n -> { });
            assertThat(drain(restarted)).isEqualTo(300);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= 600);

            var records = probe.records();
            assertThat(eventIds(records)).hasSize(300);
            Map<String, Set<String>> valuesById = new HashMap<>();
            records.forEach(r -> valuesById.computeIfAbsent(KafkaProbe.header(r, "event-id"), k -> new HashSet<>()).add(r.value()));
            assertThat(valuesById.values()).allSatisfy(values -> assertThat(values).hasSize(1));
            assertThat(drain(restarted)).isZero();
        }
    }

    @Test
    void a_row_kafka_refuses_for_its_size_or_topic_is_parked_and_the_rows_behind_it_are_published() {
        String topic = "relay-park-" + UUID.randomUUID();
        String unknown = "relay-unknown-" + UUID.randomUUID();
        com.brandclosure.testkit.Infrastructure.get().createTopics(topic);
        try (var probe = new KafkaProbe(topic);
             OutboxRelay relay = fixture.relay(100, n -> { }, t -> !t.equals(unknown))) {
            drain(relay);
            fixture.tx.executeWithoutResult(s -> {
                publish(topic, "acct-park", 1);
                // Larger than the producer's max.request.size (1 MiB): Kafka refuses it for its content.
                fixture.outbox.publish(topic, new PreconditionMet("acct-park", "x".repeat(1_200_000), "src"), metadata());
                fixture.outbox.publish(unknown, new PreconditionMet("acct-park", "seq-2", "src"), metadata());
                publish(topic, "acct-park", 3);
            });
            assertThat(drain(relay)).isEqualTo(4);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= 2);
            assertThat(probe.records()).extracting(OutboxRelayTest::seq).containsExactly(1L, 3L);
            var parked = fixture.jdbc.queryForList("SELECT topic, error FROM outbox_parked ORDER BY id");
            assertThat(parked).hasSize(2);
            assertThat(parked.get(0).get("error").toString()).contains("RecordTooLarge");
            assertThat(parked.get(1)).containsEntry("topic", unknown);
            assertThat(parked.get(1).get("error").toString()).contains("InvalidTopic");
            assertThat(drain(relay)).isZero();
        }
    }

    @Test
    void the_relay_holds_no_transaction_while_it_waits_for_kafka() {
        String topic = "relay-notx-" + UUID.randomUUID();
        com.brandclosure.testkit.Infrastructure.get().createTopics(topic);
        java.util.concurrent.atomic.AtomicInteger openTransactions = new java.util.concurrent.atomic.AtomicInteger(-1);
        try (OutboxRelay relay = fixture.relay(100, n -> openTransactions.set(fixture.jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL "
                        + "AND pid <> pg_backend_pid()", Integer.class)))) {
            drain(relay);
            fixture.tx.executeWithoutResult(s -> publish(topic, "acct-notx", 1));
            openTransactions.set(-1);
            assertThat(drain(relay)).isEqualTo(1);
            assertThat(openTransactions.get()).isZero();
        }
    }

    private static int drain(OutboxRelay relay) {
        int total = 0;
        int n;
        while ((n = relay.relayOnce()) > 0) {
            total += n;
        }
        return total;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
