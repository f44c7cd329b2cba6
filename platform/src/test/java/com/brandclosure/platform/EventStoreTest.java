package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.eventstore.UnknownEventTypeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store against the real PostgreSQL. */
class EventStoreTest {

    static PlatformFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PlatformFixture("platform_eventstore", TestEvents.types(), 20);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static NewEvent event(Object e) {
        return new NewEvent(e, new EventMetadata(UUID.randomUUID(), "tester", "corr", null, Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void sixteen_writers_at_the_same_version_one_wins_the_others_conflict_and_the_stream_has_no_gap() throws Exception {
        String stream = "race-" + UUID.randomUUID();
        fixture.eventStore.append(stream, 0, List.of(event(new TestEvents.Counted("a", 1)), event(new TestEvents.Counted("a", 2))));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long n = 100 + i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    fixture.eventStore.append(stream, 2, List.of(event(new TestEvents.Counted("a", n))));
                    return "ok";
                } catch (ConcurrencyConflictException e) {
                    return "conflict";
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(15);
        var versions = fixture.eventStore.load(stream).stream().map(e -> e.version()).toList();
        assertThat(versions).containsExactly(1L, 2L, 3L);
    }

    @Test
    void an_append_at_a_version_the_stream_is_not_at_is_refused_and_leaves_no_gap() {
        String stream = "ahead-" + UUID.randomUUID();
        fixture.eventStore.append(stream, 0, List.of(event(new TestEvents.Counted("a", 1))));
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 5, List.of(event(new TestEvents.Counted("a", 2)))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessageContaining(stream);
        assertThat(fixture.eventStore.version(stream)).isEqualTo(1);
    }

    @Test
    void loads_events_with_their_logical_type_and_metadata_never_a_class_name() {
        String stream = "load-" + UUID.randomUUID();
        var e = event(new TestEvents.Counted("acc-1", 7));
        fixture.eventStore.append(stream, 0, List.of(e));

        var loaded = fixture.eventStore.<TestEvents>load(stream);
        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).event()).isEqualTo(new TestEvents.Counted("acc-1", 7));
        assertThat(loaded.get(0).type()).isEqualTo("Counted");
        assertThat(loaded.get(0).metadata()).isEqualTo(e.metadata());
        String stored = fixture.jdbc.queryForObject("SELECT event_type || ' ' || payload::text FROM events WHERE stream_id = ?",
                String.class, stream);
        assertThat(stored).doesNotContain("com.brandclosure").startsWith("Counted ");
    }

    @Test
    void an_upcaster_turns_a_stored_v1_event_into_the_current_shape_on_load() {
        String stream = "upcast-" + UUID.randomUUID();
        fixture.jdbc.update("""
                INSERT INTO events (stream_id, version, event_id, event_type, schema_version, payload, actor,
                                    correlation_id, occurred_at)
                VALUES (?, 1, ?, 'Renamed', 1, '{"oldName":"Acme"}'::jsonb, 'legacy', 'c', now())""",
                stream, UUID.randomUUID());

        var loaded = fixture.eventStore.<TestEvents>load(stream);
        assertThat(loaded.get(0).event()).isEqualTo(new TestEvents.Renamed("Acme"));
        assertThat(loaded.get(0).schemaVersion()).isEqualTo(1);
    }

    @Test
    void an_unknown_stored_event_type_fails_the_load_naming_the_type_and_the_stream() {
        String stream = "unknown-" + UUID.randomUUID();
        fixture.jdbc.update("""
                INSERT INTO events (stream_id, version, event_id, event_type, schema_version, payload, actor,
                                    correlation_id, occurred_at)
                VALUES (?, 1, ?, 'ContractTeleported', 1, '{}'::jsonb, 'x', 'c', now())""", stream, UUID.randomUUID());

        assertThatThrownBy(() -> fixture.eventStore.load(stream))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("ContractTeleported")
                .hasMessageContaining(stream);
    }

    @Test
    void a_snapshot_is_taken_when_due_and_loading_starts_from_it() {
        String stream = "snap-" + UUID.randomUUID();
        long version = 0;
        long total = 0;
        for (int batch = 0; batch < 3; batch++) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                events.add(event(new TestEvents.Counted("a", 1)));
            }
            long next = fixture.eventStore.append(stream, version, events);
            total += 50;
            fixture.eventStore.snapshotIfDue(stream, version, next, new TestEvents.Tally(total));
            version = next;
        }
        // 150 events, snapshot every 100: taken at version 100 with the total then (100).
        var snapshot = fixture.eventStore.loadSnapshot(stream).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(100);
        assertThat(snapshot.state()).isEqualTo(new TestEvents.Tally(100));

        var loaded = fixture.eventStore.<TestEvents.Tally, TestEvents>loadState(stream, new TestEvents.Tally(0),
                (s, e) -> e instanceof TestEvents.Counted c ? new TestEvents.Tally(s.total() + c.n()) : s);
        assertThat(loaded.version()).isEqualTo(150);
        assertThat(loaded.state().total()).isEqualTo(150);
    }

    static List<NewEvent> counted(int n) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event(new TestEvents.Counted("a", i)));
        }
        return events;
    }

    @Test
    void appends_of_many_or_few_rows_are_refused_whole_when_stale_or_ahead_and_leave_the_stream_as_it_was() {
        // 40 rows travel as column arrays, 3 rows as a multi-row VALUES: both guard every row the same way.
        String stream = "sizes-" + UUID.randomUUID();
        assertThat(fixture.eventStore.append(stream, 0, counted(40))).isEqualTo(40);
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 0, counted(40)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 39, counted(40)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 45, counted(40)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(fixture.eventStore.append(stream, 40, counted(3))).isEqualTo(43);
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 41, counted(3)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> fixture.eventStore.append(stream, 44, counted(3)))
                .isInstanceOf(ConcurrencyConflictException.class);

        var loaded = fixture.eventStore.<TestEvents>load(stream);
        assertThat(loaded).extracting(e -> e.version()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 43).boxed().toList());
        assertThat(loaded.get(42).event()).isEqualTo(new TestEvents.Counted("a", 2));
        assertThat(loaded).extracting(e -> e.globalPosition()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void an_append_to_several_streams_where_one_is_stale_writes_none_of_them() {
        String fresh = "fresh-" + UUID.randomUUID();
        String moved = "moved-" + UUID.randomUUID();
        fixture.eventStore.append(moved, 0, counted(2));
        assertThatThrownBy(() -> fixture.tx.executeWithoutResult(status -> fixture.eventStore.appendAll(List.of(
                new com.brandclosure.platform.eventstore.EventStore.StreamAppend(fresh, "a", 0, counted(2)),
                new com.brandclosure.platform.eventstore.EventStore.StreamAppend(moved, "a", 1, counted(2))))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(fixture.eventStore.version(fresh)).isZero();
        assertThat(fixture.eventStore.version(moved)).isEqualTo(2);
    }

    @Test
    void an_event_id_appended_twice_is_refused_as_a_reused_id_not_as_a_conflict() {
        NewEvent once = event(new TestEvents.Counted("a", 1));
        fixture.eventStore.append("id-" + UUID.randomUUID(), 0, List.of(once));
        assertThatThrownBy(() -> fixture.eventStore.append("id-" + UUID.randomUUID(), 0, List.of(once)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("appended twice");
    }
}
