package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.retention.RetentionJob;
import com.brandclosure.platform.retention.RetentionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention purges only what is old enough and, for the outbox, already published. */
class RetentionJobTest {

    static PlatformFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PlatformFixture("platform_retention", TestEvents.types(), 4);
        com.brandclosure.testkit.Infrastructure.get().createTopics("retention-test");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    void publish(String account) {
        fixture.outbox.publish("retention-test", new PreconditionMet(account, "x", "s"),
                new EventMetadata(UUID.randomUUID(), "t", "c", null, Instant.now()));
    }

    @Test
    void ages_are_measured_on_the_database_clock_so_a_service_clock_moved_ahead_purges_nothing_young() {
        fixture.jdbc.update("DELETE FROM processed_messages");
        publish("published-young");
        try (var relay = fixture.relay(100, n -> { })) {
            while (relay.relayOnce() > 0) {
                // publish everything so far
            }
        }
        fixture.jdbc.update("INSERT INTO processed_messages (consumer, event_id) VALUES ('c', 'just-applied')");
        fixture.jdbc.update("INSERT INTO processed_messages (consumer, event_id, processed_at) VALUES "
                + "('c', 'month-old', now() - interval '31 days')");
        // The service's clock a year ahead (an adjustable clock moved, or a skewed host): what the database
        // stamped a moment ago is still a moment old, and a redelivery must still be dropped.
        var ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(365));

        long[] purged = new RetentionJob(fixture.jdbc, ahead, Duration.ofDays(7), Duration.ofDays(30)).purge();

        assertThat(fixture.jdbc.queryForList("SELECT event_id FROM processed_messages", String.class))
                .containsExactly("just-applied");
        assertThat(fixture.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE message_key = 'published-young'",
                Long.class)).isEqualTo(1);
        assertThat(purged[1]).isEqualTo(1);
        // Leave the shared tables as found: the other tests count what they purge.
        fixture.jdbc.update("DELETE FROM outbox WHERE message_key = 'published-young'");
        fixture.jdbc.update("DELETE FROM processed_messages");
    }

    @Test
    void purges_old_published_outbox_rows_and_old_processed_records_but_keeps_unpublished_and_recent_ones() {
        publish("published-old");
        try (var relay = fixture.relay(100, n -> { })) {
            while (relay.relayOnce() > 0) {
                // publish everything so far
            }
        }
        publish("unpublished-old");
        fixture.jdbc.update("UPDATE outbox SET created_at = now() - interval '10 days'");
        publish("published-recent-not");
        fixture.jdbc.update("INSERT INTO processed_messages (consumer, event_id, processed_at) VALUES "
                + "('c', 'old', now() - interval '40 days'), ('c', 'recent', now())");

        long[] purged = new RetentionJob(fixture.jdbc, Clock.systemUTC(), Duration.ofDays(7), Duration.ofDays(30)).purge();

        assertThat(purged).containsExactly(1, 1);
        assertThat(fixture.jdbc.queryForList("SELECT message_key FROM outbox ORDER BY id", String.class))
                .containsExactly("unpublished-old", "published-recent-not");
        assertThat(fixture.jdbc.queryForList("SELECT event_id FROM processed_messages", String.class))
                .containsExactly("recent");
    }

    @Test
    void purges_replayed_and_old_dead_letters_and_the_tables_services_register_but_keeps_recent_ones() {
        fixture.jdbc.update("DELETE FROM dead_letters");
        fixture.jdbc.update("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, error, recorded_at, replayed_at)
                VALUES ('c', 't', 0, 1, 'old-unreplayed', 'e', now() - interval '100 days', NULL),
                       ('c', 't', 0, 2, 'recent-unreplayed', 'e', now() - interval '1 day', NULL),
                       ('c', 't', 0, 3, 'replayed-long-ago', 'e', now() - interval '20 days', now() - interval '10 days'),
                       ('c', 't', 0, 4, 'replayed-just-now', 'e', now() - interval '20 days', now() - interval '1 hour')""");
        fixture.jdbc.execute("CREATE TABLE IF NOT EXISTS retention_keys (k TEXT, created_at TIMESTAMPTZ NOT NULL)");
        fixture.jdbc.update("DELETE FROM retention_keys");
        fixture.jdbc.update("INSERT INTO retention_keys VALUES ('old', now() - interval '2 days'), ('new', now())");

        var job = new RetentionJob(fixture.jdbc, Clock.systemUTC(), Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofDays(90),
                java.util.List.of(new RetentionPolicy("retention_keys", "created_at", Duration.ofDays(1))));
        RetentionJob.Purged purged = job.purgeAll();

        assertThat(purged.deadLetters()).isEqualTo(2);
        assertThat(purged.byPolicy()).containsEntry("retention_keys", 1L);
        assertThat(fixture.jdbc.queryForList("SELECT record_key FROM dead_letters ORDER BY id", String.class))
                .containsExactly("recent-unreplayed", "replayed-just-now");
        assertThat(fixture.jdbc.queryForList("SELECT k FROM retention_keys", String.class)).containsExactly("new");
        assertThat(job.purgeAll().deadLetters()).as("a second run finds nothing more").isZero();
    }

    /** Regression: an old dead letter that parks an account made the whole purge fail on the foreign key. */
    @Test
    void keeps_an_old_dead_letter_that_still_parks_an_account_and_purges_it_once_released() {
        fixture.jdbc.update("DELETE FROM parked_accounts");
        fixture.jdbc.update("DELETE FROM dead_letters");
        long parking = fixture.jdbc.queryForObject("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, error, recorded_at)
                VALUES ('c', 't', 0, 1, 'old-parks-acme', 'e', now() - interval '100 days') RETURNING id""", Long.class);
        fixture.jdbc.update("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, error, recorded_at)
                VALUES ('c', 't', 0, 2, 'old-parks-nothing', 'e', now() - interval '100 days')""");
        fixture.jdbc.update("INSERT INTO parked_accounts (consumer, account_id, dead_letter_id) VALUES ('c', 'acme', ?)", parking);
        var job = new RetentionJob(fixture.jdbc, Clock.systemUTC(), Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofDays(90), java.util.List.of());

        assertThat(job.purgeAll().deadLetters()).isEqualTo(1);
        assertThat(fixture.jdbc.queryForList("SELECT record_key FROM dead_letters", String.class))
                .containsExactly("old-parks-acme");

        fixture.jdbc.update("DELETE FROM parked_accounts WHERE account_id = 'acme'");
        assertThat(job.purgeAll().deadLetters()).as("released: purged on the next run").isEqualTo(1);
        assertThat(fixture.jdbc.queryForList("SELECT record_key FROM dead_letters", String.class)).isEmpty();
    }

    @Test
    void a_retention_policy_names_only_plain_sql_identifiers() {
        assertThatThrownBy(() -> new RetentionPolicy("keys; DROP TABLE events", "created_at", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy("keys", "created_at or true", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy("keys", "created_at", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
