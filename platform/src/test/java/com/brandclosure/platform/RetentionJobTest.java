package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.retention.RetentionJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
}
