package com.brandclosure.platform;

import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.RecordedEvent;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a stream with sealed personal data outside a transaction (a GET: no unit of work) must not need a
 * second connection while the first holds the rows: the data key lookup then waits for a connection the
 * readers themselves hold, and as many concurrent reads as the pool has connections starve it until the
 * pool's timeout (the chaos journey found this: sixteen concurrent contract reads made contracts answer 503
 * for minutes). The reads here go through an event store on a pool of one connection, so one read alone would
 * starve itself.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "spring.kafka.consumer.group-id=platform-sealed-reads")
@RealInfrastructure(database = "platform_sealed_reads")
class SealedReadsPoolIT {

    static final Decider<TestEvents.Noted, TestEvents.Notes, TestEvents.Noted> NOTES = Decider.of(
            new TestEvents.Notes(null, 0, 0), (TestEvents.Noted c, TestEvents.Notes s) -> List.of(c),
            (s, e) -> new TestEvents.Notes(e.comment(), s.totalMinor() + e.amountMinor(), s.count() + 1));

    @Autowired
    CommandRunner runner;
    @Autowired
    CommandContexts contexts;
    @Autowired
    com.brandclosure.platform.crypto.KeyWrapping wrapping;
    @Autowired
    com.brandclosure.platform.eventstore.EventTypeRegistry types;
    @Autowired
    com.brandclosure.platform.json.JsonCodec json;

    @Test
    void a_stream_with_personal_data_is_read_outside_a_transaction_on_a_pool_of_one_connection() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        runner.runInAccount(account, w -> {
            var notes = w.load(account, "notes-" + account, NOTES);
            for (int i = 0; i < 3; i++) {
                notes.execute(new TestEvents.Noted(account, "sealed comment " + i, List.of("partner-x"), 10 + i),
                        contexts.forActor("admin-of-" + account, null));
            }
        });

        var config = new com.zaxxer.hikari.HikariConfig();
        var infra = com.brandclosure.testkit.Infrastructure.get();
        config.setJdbcUrl(infra.jdbcUrl("platform_sealed_reads"));
        config.setUsername(infra.postgresUser());
        config.setPassword(infra.postgresPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(2_000);
        try (var oneConnection = new com.zaxxer.hikari.HikariDataSource(config)) {
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(oneConnection);
            var personal = new com.brandclosure.platform.crypto.PersonalData(
                    new com.brandclosure.platform.crypto.DataKeys(jdbc, wrapping), json);
            var eventStore = new EventStore(jdbc, new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.support.JdbcTransactionManager(oneConnection)), types, json, 100, personal);
            readsOnOnePooledConnection(eventStore, account);
        }
    }

    private void readsOnOnePooledConnection(EventStore eventStore, String account) throws Exception {
        // Another thread, so nothing of the writer's unit is bound: the way a GET reads.
        List<RecordedEvent<TestEvents.Noted>> events = CompletableFuture
                .supplyAsync(() -> eventStore.<TestEvents.Noted>load("notes-" + account)).get(30, TimeUnit.SECONDS);
        assertThat(events).extracting(e -> e.event().comment())
                .containsExactly("sealed comment 0", "sealed comment 1", "sealed comment 2");
        assertThat(events.getFirst().metadata().actor()).isEqualTo("admin-of-" + account);
        var state = CompletableFuture.supplyAsync(() -> eventStore.loadState("notes-" + account, NOTES.initialState(),
                (TestEvents.Notes s, TestEvents.Noted e) -> NOTES.evolve(s, e))).get(30, TimeUnit.SECONDS);
        assertThat(state.state().lastComment()).isEqualTo("sealed comment 2");
    }
}
