package com.brandclosure.platform;

import com.brandclosure.events.ClosureInitiated;
import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.crypto.AccountShreddedException;
import com.brandclosure.platform.crypto.DataKeys;
import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.RecordedEvent;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.platform.security.AuditController;
import com.brandclosure.platform.shredding.AccountDataShredded;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.brandclosure.platform.testapp.PlatformTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Crypto-shredding on real PostgreSQL and Kafka: personal fields sealed in the events, snapshots and outbox
 * tables and on the topic, read in clear while the key lives; shredding refused before AccountClosed plus the
 * retention; after it the history still loads with markers and intact amounts, and the account is refused.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@RealInfrastructure(database = "platform_it")
class ShreddingIT {

    static final Decider<TestEvents.Noted, TestEvents.Notes, TestEvents.Noted> NOTES = Decider.of(
            new TestEvents.Notes(null, 0, 0), (TestEvents.Noted c, TestEvents.Notes s) -> List.of(c),
            (s, e) -> new TestEvents.Notes(e.comment(), s.totalMinor() + e.amountMinor(), s.count() + 1));

    static KafkaProbe probe;

    @Autowired
    CommandRunner runner;
    @Autowired
    CommandContexts contexts;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Shredding shredding;
    @Autowired
    DataKeys keys;
    @Autowired
    DurableTimers timers;
    @Autowired
    PersonalData personal;
    @Autowired
    JsonCodec json;
    @Autowired
    Clock clock;

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(TOPIC, TOPIC + ".DLT");
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    static String account() {
        return "acct-" + UUID.randomUUID();
    }

    /** {@code n} notes (100 or more: a snapshot is written) and a ClosureInitiated published, as {@code actor}. */
    void write(String account, int n, String actor) {
        runner.runInAccount(account, w -> {
            var ctx = contexts.forActor(actor, null);
            var notes = w.load(account, "notes-" + account, NOTES);
            for (int i = 0; i < n; i++) {
                notes.execute(new TestEvents.Noted(account, "secret comment " + i,
                        List.of("partner-secret-a", "partner-secret-b"), 100 + i), ctx);
            }
            w.publish(TOPIC, new ClosureInitiated(account, actor, "reason-secret"), ctx.nextMetadata());
        });
    }

    /** The audit endpoint as the web services have it (this test application has no web layer). */
    AuditController audit() {
        return new AuditController(jdbc, personal);
    }

    List<String> raw(String sql, String account) {
        return jdbc.queryForList(sql, String.class, account);
    }

    @Test
    void personal_fields_are_sealed_in_the_events_snapshots_and_outbox_tables_and_on_kafka_and_read_in_clear() {
        String account = account();
        write(account, 100, "alice.personal");

        List<String> rows = raw("SELECT payload::text || ' ' || actor FROM events WHERE account_id = ?", account);
        assertThat(rows).hasSize(100).allSatisfy(row -> assertThat(row).contains("enc:v1:")
                .doesNotContain("secret").doesNotContain("alice"));
        // stored as json (V9): the text is exactly as the platform wrote it, no jsonb spacing
        assertThat(rows.get(0)).contains("\"amountMinor\":100");
        List<String> snapshots = raw("SELECT state::text FROM snapshots WHERE stream_id = 'notes-' || ?", account);
        assertThat(snapshots).hasSize(1).allSatisfy(s -> assertThat(s).contains("enc:v1:").doesNotContain("secret")
                .contains("\"totalMinor\":" + (100 * 100 + 99 * 100 / 2)));
        List<String> envelopes = raw("SELECT envelope FROM outbox WHERE message_key = ?", account);
        assertThat(envelopes).hasSize(1).allSatisfy(e -> assertThat(e).contains("enc:v1:")
                .doesNotContain("reason-secret").doesNotContain("alice"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !probe.records(r -> account.equals(r.key())).isEmpty());
        assertThat(probe.records(r -> account.equals(r.key()))).allSatisfy(r -> assertThat(r.value())
                .contains("ClosureInitiated").doesNotContain("reason-secret").doesNotContain("alice"));

        List<RecordedEvent<TestEvents.Noted>> events = eventStore.load("notes-" + account);
        assertThat(events.get(0).event()).isEqualTo(new TestEvents.Noted(account, "secret comment 0",
                List.of("partner-secret-a", "partner-secret-b"), 100));
        assertThat(events.get(0).metadata().actor()).isEqualTo("alice.personal");
        assertThat(eventStore.loadSnapshot("notes-" + account).orElseThrow().state())
                .isEqualTo(new TestEvents.Notes("secret comment 99", 100 * 100 + 99 * 100 / 2, 100));
        var trail = audit().audit(account, 500, null);
        assertThat(trail.get(0).payload()).contains("secret comment 0");
        assertThat(trail.get(0).actor()).isEqualTo("alice.personal");
    }

    @Test
    void shredding_is_refused_before_account_closed_and_before_the_retention_whatever_the_caller_sends() {
        String account = account();
        write(account, 1, "bob.personal");
        assertThatThrownBy(() -> shredding.shred(account, "ops"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("is not closed");

        Instant closedAt = clock.instant();
        runner.runInAccount(account, w -> shredding.afterClosure(account, closedAt));
        assertThatThrownBy(() -> shredding.shred(account, "ops"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("retention of P90D");
        // A later AccountClosed naming an earlier closure does not move the shredding forward.
        runner.runInAccount(account, w -> shredding.afterClosure(account, closedAt.minus(Duration.ofDays(365))));
        assertThat(timers.dueAt(Shredding.TIMER_KIND, account + "|shred")).hasValueSatisfying(due -> assertThat(due)
                .isCloseTo(closedAt.plus(Duration.ofDays(90)), within(1, ChronoUnit.MILLIS)));
        assertThatThrownBy(() -> shredding.shred(account, "ops")).isInstanceOf(DomainException.Conflict.class);
        assertThat(keys.status(account).shredded()).isFalse();
        assertThat(eventStore.<TestEvents.Noted>load("notes-" + account).get(0).event().comment())
                .isEqualTo("secret comment 0");
    }

    @Test
    void after_closure_and_retention_the_timer_shreds_history_loads_with_markers_and_the_account_is_refused() {
        String account = account();
        write(account, 100, "carol.personal");
        jdbc.update("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, record_value, error)
                VALUES ('c', 't', 0, 0, ?, 'personal text', 'failed')""", account);
        jdbc.update("""
                INSERT INTO parked_records (consumer, account_id, topic, partition_no, record_offset, record_key,
                                            record_value) VALUES ('c', ?, 't', 0, 1, ?, 'personal text')""",
                account, account);
        long shreddedBefore = shredding.shreddedCount();

        // Closed 91 days ago: the timer is due at once.
        Instant closedAt = clock.instant().minus(Duration.ofDays(91));
        runner.runInAccount(account, w -> shredding.afterClosure(account, closedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.status(account).shredded());

        List<RecordedEvent<TestEvents.Noted>> events = eventStore.load("notes-" + account);
        assertThat(events).hasSize(100);
        for (int i = 0; i < 100; i++) {
            var e = events.get(i);
            assertThat(e.version()).isEqualTo(i + 1);
            assertThat(e.type()).isEqualTo("Noted");
            assertThat(e.event()).isEqualTo(new TestEvents.Noted(account, PersonalData.SHREDDED,
                    List.of(PersonalData.SHREDDED, PersonalData.SHREDDED), 100 + i));
            assertThat(e.metadata().actor()).isEqualTo(PersonalData.SHREDDED);
        }
        assertThat(eventStore.loadSnapshot("notes-" + account).orElseThrow().state())
                .isEqualTo(new TestEvents.Notes(PersonalData.SHREDDED, 100 * 100 + 99 * 100 / 2, 100));
        assertThat(eventStore.loadMany(List.of("notes-" + account), id -> NOTES).get("notes-" + account).state())
                .isEqualTo(new TestEvents.Notes(PersonalData.SHREDDED, 100 * 100 + 99 * 100 / 2, 100));

        assertThat(raw("SELECT envelope FROM outbox WHERE message_key = ?", account)).isEmpty();
        assertThat(raw("SELECT error FROM dead_letters WHERE record_key = ?", account)).isEmpty();
        assertThat(raw("SELECT record_value FROM parked_records WHERE account_id = ?", account)).isEmpty();

        List<RecordedEvent<AccountDataShredded>> evidence = eventStore.load("shredding-" + account);
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).event().shreddedBy()).isEqualTo(Shredding.TIMER_ACTOR);
        assertThat(evidence.get(0).event().closedAt()).isCloseTo(closedAt, within(1, ChronoUnit.MILLIS));
        assertThat(evidence.get(0).event().kinds()).anyMatch(k -> k.contains("events and snapshots"));
        var trail = audit().audit(account, 500, null);
        assertThat(trail).hasSize(101);
        assertThat(trail.get(0).payload()).contains(PersonalData.SHREDDED).doesNotContain("enc:v1:");
        assertThat(trail.get(100).type()).isEqualTo("AccountDataShredded");
        assertThat(trail.get(100).actor()).isEqualTo(Shredding.TIMER_ACTOR);
        assertThat(shredding.shreddedCount()).isGreaterThan(shreddedBefore);

        // Late: no command, no reopening, no late event.
        assertThatThrownBy(() -> write(account, 1, "carol.personal")).isInstanceOf(AccountShreddedException.class)
                .hasMessageContaining("shredded");
        assertThatThrownBy(() -> keys.forWriting(account)).isInstanceOf(AccountShreddedException.class);
        var late = new Envelope(UUID.randomUUID().toString(), "PreconditionMet", 1, account, clock.instant(), "late",
                "corr-late", null, json.tree(new PreconditionMet(account, "late", "x")));
        probe.send(TOPIC, account, json.write(late));
        await().atMost(Duration.ofSeconds(30)).until(() -> !raw(
                "SELECT error FROM dead_letters WHERE record_key = ?", account).isEmpty());
        assertThat(raw("SELECT error FROM dead_letters WHERE record_key = ?", account).get(0))
                .contains("closed and its data shredded");
    }
}
