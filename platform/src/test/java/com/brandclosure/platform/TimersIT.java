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

    static ConfigurableApplicationContext start(String instance) {
        List<String> args = new ArrayList<>(List.of(RealInfrastructureContextCustomizerFactory.commandLineArgs("platform_timers")));
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
            // db-scheduler records the failure and retries later (minutes), so the gauge stays up meanwhile.
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.value() == before + 1);
            assertThat(firings(app.getBean(JdbcTemplate.class), timerId)).isZero();
            timers.cancel(TIMER, timerId);
            assertThat(failing.value()).isEqualTo(before);
        }
    }
}
