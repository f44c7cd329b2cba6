package com.brandclosure.platform;

import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.brandclosure.platform.testapp.PlatformTestApplication.counter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one command path: locks, many-stream load and append, publications, projections, retries. */
@SpringBootTest(classes = PlatformTestApplication.class)
@RealInfrastructure(database = "platform_it")
class CommandRunnerIT {

    @Autowired
    CommandRunner runner;
    @Autowired
    CommandContexts contexts;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    static String account() {
        return "acct-" + UUID.randomUUID();
    }

    long add(String account, String stream, long n) {
        return runner.inAccount(account, w -> {
            var s = w.load(account, stream, counter(account));
            s.execute(n, contexts.forActor("tester", null));
            return s.state().total();
        });
    }

    @Test
    void a_unit_appends_many_streams_in_one_flush_and_the_publication_and_projection_run_in_its_transaction() {
        String account = account();
        runner.runInAccount(account, w -> {
            var streams = w.loadAll(account, List.of("counter-" + account, "other-" + account, "third-" + account),
                    counter(account));
            streams.values().forEach(s -> s.execute(2L, contexts.forActor("tester", null)));
            streams.get("counter-" + account).execute(3L, contexts.forActor("tester", null));
        });
        assertThat(eventStore.version("counter-" + account)).isEqualTo(2);
        assertThat(eventStore.version("other-" + account)).isEqualTo(1);
        assertThat(eventStore.version("third-" + account)).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT total, version FROM test_projection WHERE account_id = ?", account))
                .containsEntry("total", 5L).containsEntry("version", 2L);

        // The published event carries the id of the stored event it announces.
        List<String> stored = jdbc.queryForList("SELECT event_id::text FROM events WHERE account_id = ? ORDER BY 1",
                String.class, account);
        List<String> published = jdbc.queryForList("SELECT event_id::text FROM outbox WHERE message_key = ? ORDER BY 1",
                String.class, account);
        assertThat(published).hasSize(4).isEqualTo(stored);
    }

    @Test
    void a_refused_command_leaves_nothing_behind() {
        String account = account();
        add(account, "counter-" + account, 4);
        assertThatThrownBy(() -> runner.runInAccount(account, w -> {
            var s = w.load(account, "counter-" + account, counter(account));
            s.execute(1L, contexts.forActor("tester", null));
            s.execute(-1L, contexts.forActor("tester", null));
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(eventStore.version("counter-" + account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT total FROM test_projection WHERE account_id = ?", Long.class, account))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE message_key = ?", Integer.class, account))
                .isEqualTo(1);
    }

    @Test
    void a_nested_unit_joins_the_running_one_and_may_not_lock_a_new_account() {
        String a = account();
        String b = account();
        boolean joined = runner.inAccount(a, outer -> runner.inAccount(a, (Work inner) -> inner == outer));
        assertThat(joined).isTrue();
        assertThatThrownBy(() -> runner.runInAccount(a, outer -> runner.runInAccount(b, inner -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot take the locks");
        assertThatThrownBy(() -> runner.runInAccount(a, w -> w.load(b, "counter-" + b, counter(b))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("touches account " + b);
    }

    @Test
    void writers_of_one_stream_under_different_account_locks_race_and_the_runner_retries_until_none_is_lost() throws Exception {
        // A stream shared by units that lock different accounts is not serialised by the lock: the
        // UNIQUE(stream_id, version) constraint decides, and the runner re-runs the loser.
        String owner = account();
        String shared = "counter-shared-" + owner;
        int writers = 6;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            String own = account();
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    runner.runInAccounts(List.of(own, owner), w -> w.load(owner, shared, counter(owner))
                            .execute(1L, contexts.forActor("tester", null)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(eventStore.version(shared)).isEqualTo((long) writers * each);
        assertThat(jdbc.queryForObject("SELECT array_agg(version ORDER BY version) = array(SELECT generate_series(1::bigint, ?::bigint)) "
                + "FROM events WHERE stream_id = ?", Boolean.class, writers * each, shared)).isTrue();
    }

    @Test
    void a_concurrency_conflict_on_a_stale_handle_is_retried_by_rerunning_the_whole_unit() {
        String account = account();
        String stream = "counter-" + account;
        add(account, stream, 1);
        int[] runs = {0};
        long total = runner.inAccount(account, w -> {
            runs[0]++;
            var s = w.load(account, stream, counter(account));
            if (runs[0] == 1) {
                // Another writer (outside this account's lock) moves the stream after this unit loaded it.
                Thread other = new Thread(() -> eventStore.append(stream, account, 1,
                        List.of(new com.brandclosure.platform.eventstore.NewEvent(new TestEvents.Counted(account, 10),
                                contexts.forActor("intruder", null).nextMetadata()))));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            s.execute(5L, contexts.forActor("tester", null));
            return s.state().total();
        });
        assertThat(runs[0]).isEqualTo(2);
        assertThat(total).isEqualTo(16);
        assertThat(eventStore.version(stream)).isEqualTo(3);
    }

    @Test
    void long_streams_load_from_their_snapshot() {
        String account = account();
        String stream = "counter-" + account;
        for (int batch = 0; batch < 3; batch++) {
            runner.runInAccount(account, w -> {
                var s = w.load(account, stream, counter(account));
                for (int i = 0; i < 50; i++) {
                    s.execute(1L, contexts.forActor("tester", null));
                }
            });
        }
        assertThat(eventStore.loadSnapshot(stream)).hasValueSatisfying(snap -> assertThat(snap.version()).isEqualTo(100));
        Map<String, EventStore.Loaded<TestEvents.Tally>> loaded = eventStore.loadMany(List.of(stream),
                id -> counter(account));
        assertThat(loaded.get(stream).state().total()).isEqualTo(150);
        assertThat(loaded.get(stream).version()).isEqualTo(150);
    }
}
