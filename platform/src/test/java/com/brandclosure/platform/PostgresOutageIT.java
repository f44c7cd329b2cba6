package com.brandclosure.platform;

import com.brandclosure.events.PreconditionMet;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.brandclosure.platform.testapp.PlatformTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL becomes unavailable while the batch consumer ({@link PlatformTestApplication.Listener},
 * an {@code InboundBatches} subscription) is receiving records, then comes back: the outage is not
 * poison. Nothing is dead-lettered, nothing is lost, processing resumes and every record is applied
 * once. The outage is made on this test's own database only ({@code ALLOW_CONNECTIONS false} and its
 * connections terminated, from an admin connection), so the shared server and other tests go on.
 * It lasts the 2 minutes (120 s), in the suite too; {@code -Dplatform.outage.seconds=N} shortens it for a
 * quick local run.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.kafka.consumer.group-id=platform-outage",
        // Fail fast while the database is away (the default waits 30 s for a connection): the consumer's
        // retries, not a long wait in the pool, must carry the poll over the outage.
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000"})
@RealInfrastructure(database = PostgresOutageIT.DATABASE)
class PostgresOutageIT {

    static final String DATABASE = "platform_outage";
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("platform.outage.seconds", 120));

    static KafkaProbe probe;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonCodec json;

    @BeforeAll
    static void probe() throws SQLException {
        Infrastructure.get().jdbcUrl(DATABASE); // created if missing
        allowConnections(true); // in case an earlier run stopped half-way (an external server keeps the database)
        probe = new KafkaProbe(TOPIC + ".DLT");
    }

    @AfterAll
    static void closeProbe() throws SQLException {
        allowConnections(true);
        probe.close();
    }

    @Test
    void records_received_while_postgresql_is_away_are_applied_once_after_it_is_back_and_none_is_dead_lettered()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> accounts = List.of("outage-" + run + "-a", "outage-" + run + "-b", "outage-" + run + "-c",
                "outage-" + run + "-d", "outage-" + run + "-e");
        ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = Thread.ofPlatform().name("outage-producer").start(() -> {
            int i = 0;
            while (producing.get()) {
                String account = accounts.get(i % accounts.size());
                String eventId = UUID.randomUUID().toString();
                probe.send(TOPIC, account, envelope(eventId, account, "outage-" + i));
                sent.add(eventId);
                i++;
                // A steady stream (about 20 records a second), so the outage falls in the middle of polls.
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> applied(accounts) >= 40);

            int appliedAtStart = applied(accounts);
            Instant start = Instant.now();
            allowConnections(false);
            int sentAtStart = sent.size();
            // Nothing is dead-lettered while the database is away.
            await().pollDelay(Duration.ofSeconds(1)).during(OUTAGE).atMost(OUTAGE.plusSeconds(10))
                    .until(() -> deadLetters(accounts) == 0);
            int sentDuring = sent.size() - sentAtStart;
            allowConnections(true);
            System.out.printf("PostgresOutageIT: database away %s; %d records applied before, %d sent while away%n",
                    Duration.between(start, Instant.now()), appliedAtStart, sentDuring);
            assertThat(sentDuring).isPositive();

            // Back: processing resumes with the records received since (the test's own reads may fail
            // while the pool reconnects).
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> applied(accounts) > appliedAtStart + sentDuring);
        } finally {
            producing.set(false);
            producer.join(10_000);
            allowConnections(true);
        }
        Instant back = Instant.now();
        List<String> all = List.copyOf(sent);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> applied(accounts) == all.size());
        System.out.printf("PostgresOutageIT: all %d records applied %s after the producer stopped%n", all.size(),
                Duration.between(back, Instant.now()));
        // Every record applied exactly once, none dead-lettered (topic and table), no account parked.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> applied(accounts) == all.size());
        assertThat(jdbc.queryForList("SELECT event_id FROM test_effects WHERE account_id = ANY(?)", String.class,
                (Object) accounts.toArray(String[]::new))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(deadLetters(accounts)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE record_key = ANY(?)", Integer.class,
                (Object) accounts.toArray(String[]::new))).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_accounts WHERE account_id = ANY(?)",
                Integer.class, (Object) accounts.toArray(String[]::new))).isZero();
    }

    String envelope(String eventId, String account, String precondition) {
        return json.write(new Envelope(eventId, "PreconditionMet", 1, account, Instant.now(), "outage-test",
                "corr-" + eventId, null, json.tree(new PreconditionMet(account, precondition, "src"))));
    }

    int applied(List<String> accounts) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effects WHERE account_id = ANY(?)", Integer.class,
                (Object) accounts.toArray(String[]::new));
    }

    static long deadLetters(List<String> accounts) {
        return probe.records(r -> accounts.contains(r.key())).size();
    }

    /**
     * Closes or opens this test's database to every client: {@code ALLOW_CONNECTIONS false} refuses new
     * connections, and the open ones (the application's pool) are terminated as an administrator would.
     */
    static void allowConnections(boolean allow) throws SQLException {
        Infrastructure infra = Infrastructure.get();
        try (Connection admin = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.postgresUser(),
                infra.postgresPassword())) {
            admin.createStatement().execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                // Until none is left: a connection being opened as the database closed may show up late.
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    var rs = admin.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) "
                            + "FROM pg_stat_activity WHERE datname = '" + DATABASE + "' AND pid <> pg_backend_pid()");
                    rs.next();
                    return rs.getInt(1) == 0;
                });
            }
        }
    }
}
