package com.brandclosure.platform;

import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.brandclosure.platform.testapp.PlatformTestApplication.TIMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Durable timers across restarts and with two instances, on the real database. */
class TimersIT {

    static ConfigurableApplicationContext start(String instance, String... more) {
        List<String> args = new ArrayList<>(List.of(RealInfrastructureContextCustomizerFactory.commandLineArgs("platform_timers")));
        args.addAll(List.of(more));
        args.add("--test.instance=" + instance);
        args.add("--spring.kafka.consumer.group-id=platform-timers-" + instance);
        return new SpringApplicationBuilder(PlatformTestApplication.class).run(args.toArray(String[]::new));
    }

    static int firings(JdbcTemplate jdbc, String timerId) {
        return jdbc.queryForObject("SELECT count(*) FROM test_timer_firings WHERE timer_id = ?", Integer.class, timerId);
    }

    @Test
    void a_timer_due_while_the_application_is_down_fires_exactly_once_after_restart() {
        String timerId = "restart-" + System.nanoTime();
        Instant due;
        try (var first = start("first")) {
            Clock clock = first.getBean(Clock.class);
            due = clock.instant().plusSeconds(2);
            first.getBean(DurableTimers.class).schedule(TIMER, timerId, due, "payload-1");
            assertThat(firings(first.getBean(JdbcTemplate.class), timerId)).isZero();
        }
        // Down until the timer is overdue.
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusMillis(500)));

        try (var second = start("second")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> firings(jdbc, timerId) >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> firings(jdbc, timerId) == 1);
            assertThat(jdbc.queryForObject("SELECT data || '@' || instance FROM test_timer_firings WHERE timer_id = ?",
                    String.class, timerId)).isEqualTo("payload-1@second");
        }
    }

    @Test
    void with_two_instances_each_timer_fires_once() {
        String prefix = "pair-" + System.nanoTime() + "-";
        try (var a = start("a"); var b = start("b")) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            Instant due = a.getBean(Clock.class).instant().plusSeconds(1);
            for (int i = 0; i < 20; i++) {
                (i % 2 == 0 ? a : b).getBean(DurableTimers.class).schedule(TIMER, prefix + i, due, "x");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(DISTINCT timer_id) FROM test_timer_firings WHERE timer_id LIKE ?", Integer.class,
                    prefix + "%") == 20);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM test_timer_firings WHERE timer_id LIKE ?", Integer.class, prefix + "%") == 20);
        }
    }

    @Test
    void rescheduling_moves_a_timer_and_cancelling_removes_it() {
        try (var app = start("solo")) {
            DurableTimers timers = app.getBean(DurableTimers.class);
            Instant far = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            timers.schedule(TIMER, "moved", far, "v1");
            timers.schedule(TIMER, "moved", far.plusSeconds(60), "v2");
            assertThat(timers.dueAt(TIMER, "moved")).contains(far.plusSeconds(60));
            timers.cancel(TIMER, "moved");
            assertThat(timers.dueAt(TIMER, "moved")).isEmpty();
            timers.cancel(TIMER, "moved"); // cancelling twice is harmless
        }
    }

    @Test
    void a_timer_whose_handler_throws_is_counted_as_failing_until_it_is_gone() {
        try (var app = start("failing")) {
            var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            var failing = registry.get("timers.failing").gauge();
            double before = failing.value();
            String timerId = "failing-" + System.nanoTime();
            DurableTimers timers = app.getBean(DurableTimers.class);
            timers.schedule(TIMER, timerId, app.getBean(Clock.class).instant(), "fail");
            // The failure is recorded and retried with backoff (parked only after 8 attempts), so the gauge stays up meanwhile.
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.value() == before + 1);
            assertThat(firings(app.getBean(JdbcTemplate.class), timerId)).isZero();
            timers.cancel(TIMER, timerId);
            assertThat(failing.value()).isEqualTo(before);
        }
    }

    @Test
    void a_failing_timer_is_retried_with_growing_gaps_then_parked_and_fires_once_when_rescheduled_after_a_fix()
            throws Exception {
        try (var app = start("parking", "--platform.timers.max-attempts=4", "--platform.timers.retry-backoff=PT1S")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            var parkedGauge = registry.get("timers.parked").gauge();
            var queries = app.getBean(com.brandclosure.platform.ops.OpsQueries.class);
            var endpoint = app.getBean(com.brandclosure.platform.ops.TimersEndpoint.class);
            var health = app.getBean("timersHealthIndicator", org.springframework.boot.health.contributor.HealthIndicator.class);
            DurableTimers timers = app.getBean(DurableTimers.class);
            double parkedBefore = parkedGauge.value();
            String timerId = "acct-park|" + System.nanoTime();
            Instant due = app.getBean(Clock.class).instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            timers.schedule(TIMER, timerId, due, "fail");

            // While it is retried, its lag counts from the first due time, not from the next attempt.
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(jdbc, timerId).size() >= 3);
            assertThat(queries.timerLag()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

            await().atMost(Duration.ofSeconds(30)).until(() -> parkedGauge.value() == parkedBefore + 1);
            List<Instant> attempts = attempts(jdbc, timerId);
            assertThat(attempts).hasSize(4);
            List<Duration> gaps = new ArrayList<>();
            for (int i = 1; i < attempts.size(); i++) {
                gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
            }
            System.out.println("TimersIT retry gaps of " + timerId + ": " + gaps);
            // Backoff 1 s, 2 s, 4 s (plus up to a polling interval each).
            for (int i = 0; i < gaps.size(); i++) {
                Duration planned = Duration.ofSeconds(1L << i);
                assertThat(gaps.get(i)).isGreaterThanOrEqualTo(planned.minusMillis(50))
                        .isLessThan(planned.plusSeconds(2));
            }
            assertThat(gaps.get(0)).isLessThan(gaps.get(1));
            assertThat(gaps.get(1)).isLessThan(gaps.get(2));
            // Parked: out of scheduled_tasks, no longer retried, kept with its data, first due time and error.
            assertThat(timers.dueAt(TIMER, timerId)).isEmpty();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> attempts(jdbc, timerId).size() == 4);
            @SuppressWarnings("unchecked")
            var parked = ((List<java.util.Map<String, Object>>) endpoint.list(null, null).get("parked")).stream()
                    .filter(p -> timerId.equals(p.get("id"))).toList();
            assertThat(parked).hasSize(1);
            assertThat(parked.getFirst()).containsEntry("kind", TIMER).containsEntry("data", "fail")
                    .containsEntry("attempts", 4);
            assertThat((String) parked.getFirst().get("last_error")).contains("timer fails on purpose");
            assertThat(((java.sql.Timestamp) parked.getFirst().get("first_due")).toInstant()).isEqualTo(due);
            assertThat(health.health().getDetails()).containsEntry("parked", (long) parkedBefore + 1);
            assertThat(queries.timersFailing()).isZero();
            assertThat(firings(jdbc, timerId)).isZero();

            // The cause is fixed, the operator re-schedules it: it fires once, and nothing is parked any more.
            jdbc.update("INSERT INTO test_fixes (timer_id) VALUES (?)", timerId);
            endpoint.reschedule(TIMER, timerId);
            await().atMost(Duration.ofSeconds(20)).until(() -> firings(jdbc, timerId) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> firings(jdbc, timerId) == 1);
            assertThat(parkedGauge.value()).isEqualTo(parkedBefore);
            assertThat(timers.dueAt(TIMER, timerId)).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> endpoint.reschedule(TIMER, timerId))
                    .isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void a_timer_failing_on_the_infrastructure_is_retried_past_the_attempt_limit_and_never_parked() {
        try (var app = start("transient", "--platform.timers.max-attempts=2", "--platform.timers.retry-backoff=PT0.5S",
                "--platform.timers.max-retry-backoff=PT1S")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DurableTimers timers = app.getBean(DurableTimers.class);
            var parked = app.getBean(com.brandclosure.platform.timers.ParkedTimers.class);
            String timerId = "acct-transient|" + System.nanoTime();
            timers.schedule(TIMER, timerId, app.getBean(Clock.class).instant(), "fail-transient");
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(jdbc, timerId).size() >= 4);
            assertThat(parked.parked(new com.brandclosure.platform.web.Paging.Request(500, null)))
                    .noneMatch(p -> timerId.equals(p.get("id")));
            assertThat(timers.dueAt(TIMER, timerId)).isPresent();
            assertThat(parked.failing(1000)).anyMatch(f -> timerId.equals(f.get("id"))
                    && ((Integer) f.get("attempts")) >= 3
                    && ((String) f.get("last_error")).contains("database away on purpose"));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                timers.cancel(TIMER, timerId); // refused while an attempt runs; then it goes
                return timers.dueAt(TIMER, timerId).isEmpty();
            });
            assertThat(parked.failing(1000)).noneMatch(f -> timerId.equals(f.get("id")));
        }
    }

    /**
     * Regression: db-scheduler's immediate execution woke the poll inside the scheduling transaction, and the
     * next poll is a wait on the scheduler's clock. A poll that ran before the commit found nothing, and on a
     * clock standing still no later poll came: a due shredding waited minutes (until a test moved the clock).
     * Here the poll is made to run while the transaction is still open; the timer must fire after the commit
     * with the clock never moved.
     */
    @Test
    void a_timer_set_due_now_fires_after_its_transaction_commits_even_on_a_clock_standing_still() {
        var frozen = new com.brandclosure.testkit.MutableClock(Instant.now());
        List<String> args = new ArrayList<>(List.of(RealInfrastructureContextCustomizerFactory.commandLineArgs("platform_timers")));
        args.addAll(List.of("--test.instance=frozen", "--spring.kafka.consumer.group-id=platform-timers-frozen",
                "--platform.timers.polling-interval=100ms"));
        try (var app = new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", frozen))
                .run(args.toArray(String[]::new))) {
            assertThat(app.getBean(Clock.class)).isSameAs(frozen);
            var scheduler = app.getBean(com.github.kagkarlsson.scheduler.Scheduler.class);
            var duePolls = new java.util.concurrent.atomic.AtomicInteger();
            scheduler.registerSchedulerListener(new com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener() {
                @Override
                public void onSchedulerEvent(SchedulerEventType type) {
                    if (type == SchedulerEventType.RAN_EXECUTE_DUE) {
                        duePolls.incrementAndGet();
                    }
                }
            });
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DurableTimers timers = app.getBean(DurableTimers.class);
            String timerId = "frozen-" + System.nanoTime();
            app.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(tx -> {
                timers.schedule(TIMER, timerId, frozen.instant(), "payload-frozen");
                int before = duePolls.get();
                scheduler.triggerCheckForDueExecutions();
                // The poll has run and could not see the uncommitted timer.
                await().atMost(Duration.ofSeconds(10)).until(() -> duePolls.get() > before);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> firings(jdbc, timerId) == 1);
            assertThat(frozen.instant()).isEqualTo(app.getBean(Clock.class).instant());
        }
    }

    @Test
    void the_retry_delay_doubles_from_the_backoff_up_to_its_cap() {
        var retries = new com.brandclosure.platform.timers.TimerRetries(null, null, 8, Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(retries::delayAfter).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    static List<Instant> attempts(JdbcTemplate jdbc, String timerId) {
        return jdbc.queryForList("SELECT attempt_at FROM test_timer_attempts WHERE timer_id = ? ORDER BY attempt_at",
                java.sql.Timestamp.class, timerId).stream().map(java.sql.Timestamp::toInstant).toList();
    }
}
