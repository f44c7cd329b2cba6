package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockScheduleTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static LockingSettings settings(int months, int days, ReferencePeriod period, int scheduling) {
        return new LockingSettings(months, days, period, scheduling, UTC, EUR);
    }

    @ParameterizedTest(name = "{0} + {1}m{2}d after end of {3} -> lock {4}")
    @CsvSource({
            // month reference: counted from the end of the month, landing on month ends
            "2025-01-15, 1, 0, MONTH, 2025-02-28",
            "2024-01-15, 1, 0, MONTH, 2024-02-29",   // leap year
            "2024-02-29, 1, 0, MONTH, 2024-03-31",   // from a short month's end to a long month's end
            "2025-12-31, 1, 0, MONTH, 2026-01-31",   // across the year end
            "2025-01-01, 0, 27, MONTH, 2025-02-27",  // D <= 27 keeps the lock in the next month
            "2024-01-31, 0, 27, MONTH, 2024-02-27",
            "2025-03-10, 2, 5, MONTH, 2025-06-05",
            // day reference: counted from the day itself, clamped at short months
            "2025-01-31, 1, 0, DAY, 2025-02-28",
            "2024-01-31, 1, 0, DAY, 2024-02-29",     // leap year clamp
            "2025-01-10, 0, 0, DAY, 2025-01-10",
            "2025-02-28, 0, 1, DAY, 2025-03-01",
            "2024-02-28, 0, 1, DAY, 2024-02-29",
            "2025-12-31, 0, 7, DAY, 2026-01-07",
    })
    void lock_date_is_the_end_of_the_reference_period_plus_the_locking_period(
            LocalDate eventDate, int months, int days, ReferencePeriod period, LocalDate expected) {
        assertThat(LockSchedule.lockDate(eventDate, settings(months, days, period, 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "lock {0} + {1} days after month end -> clearing {2}")
    @CsvSource({
            "2025-02-10, 0, 2025-02-28",
            "2024-02-10, 0, 2024-02-29",
            "2025-02-28, 15, 2025-03-15",
            "2025-12-05, 10, 2026-01-10",
            "2024-01-31, 30, 2024-03-01",
            "2025-01-31, 0, 2025-02-01",   // a month-end lock date with 0 days: the day after the lock date
            "2024-02-29, 0, 2024-03-01",
            "2025-02-28, 0, 2025-03-01",
    })
    void clearing_date_is_the_end_of_the_lock_month_plus_the_scheduling_period(LocalDate lock, int scheduling,
                                                                               LocalDate expected) {
        assertThat(LockSchedule.clearingDate(lock, settings(0, 0, ReferencePeriod.DAY, scheduling)))
                .isEqualTo(expected);
    }

    /**
     * Issue 11, point 6: with a lock date on a month end and 0 scheduling days, the plain rule would clear
     * at the start of the lock date, before the action has locked (at the end of that day). Given the
     * event, when its timing is computed in a zone east (Auckland) or west (Los Angeles) of UTC, then the
     * clearing date is the first locked day and the clearing instant is the lock instant.
     */
    @ParameterizedTest(name = "{0} in {1}: lock {2}, clearing {3}")
    @CsvSource({
            // DAY reference, 0 + 0: the lock date is the event day itself (month ends)
            "2025-01-30T12:00:00Z, Pacific/Auckland, 2025-01-31, 2025-02-01, DAY, 0",
            "2025-01-31T12:00:00Z, America/Los_Angeles, 2025-01-31, 2025-02-01, DAY, 0",
            "2025-02-28T20:00:00Z, America/Los_Angeles, 2025-02-28, 2025-03-01, DAY, 0",
            "2024-02-29T08:00:00Z, America/Los_Angeles, 2024-02-29, 2024-03-01, DAY, 0",
            "2024-02-28T12:00:00Z, Pacific/Auckland, 2024-02-29, 2024-03-01, DAY, 0",
            // MONTH reference, 1 month: locks on the end of the next month
            "2024-12-15T12:00:00Z, Pacific/Auckland, 2025-01-31, 2025-02-01, MONTH, 1",
            "2025-01-15T12:00:00Z, America/Los_Angeles, 2025-02-28, 2025-03-01, MONTH, 1",
            "2024-01-15T12:00:00Z, Pacific/Auckland, 2024-02-29, 2024-03-01, MONTH, 1",
    })
    void with_a_month_end_lock_date_and_no_scheduling_days_the_clearing_instant_is_not_before_the_lock_instant(
            Instant eventAt, ZoneId zone, LocalDate lockDate, LocalDate clearingDate, ReferencePeriod period,
            int months) {
        var s = new LockingSettings(months, 0, period, 0, zone, EUR);
        var t = LockSchedule.timing(eventAt, eventAt, s);
        assertThat(t.lockDate()).isEqualTo(lockDate);
        assertThat(t.clearingDate()).isEqualTo(clearingDate);
        assertThat(t.clearingAt()).isAfterOrEqualTo(t.lockAt());
        assertThat(t.clearingAt()).isEqualTo(clearingDate.atStartOfDay(zone).toInstant());
        assertThat(t.lockAt()).isEqualTo(lockDate.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Test
    void a_mid_month_lock_date_with_no_scheduling_days_still_clears_at_the_end_of_its_month() {
        var s = new LockingSettings(0, 0, ReferencePeriod.DAY, 0, ZoneId.of("Pacific/Auckland"), EUR);
        var t = LockSchedule.timing(Instant.parse("2025-02-10T00:00:00Z"), Instant.parse("2025-02-10T00:00:00Z"), s);
        assertThat(t.lockDate()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(t.clearingDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(t.clearingAt()).isAfter(t.lockAt());
    }

    @Test
    void the_event_date_is_taken_in_the_account_time_zone() {
        // 2025-01-31T23:30Z is already February 1st in Berlin, but still January 31st in UTC.
        Instant eventAt = Instant.parse("2025-01-31T23:30:00Z");
        var berlin = new LockingSettings(1, 0, ReferencePeriod.MONTH, 0, ZoneId.of("Europe/Berlin"), EUR);
        var utc = new LockingSettings(1, 0, ReferencePeriod.MONTH, 0, UTC, EUR);

        assertThat(LockSchedule.timing(eventAt, eventAt, berlin).lockDate()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(LockSchedule.timing(eventAt, eventAt, utc).lockDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void an_action_locks_when_its_lock_date_is_over_in_the_account_zone() {
        var ny = new LockingSettings(0, 5, ReferencePeriod.DAY, 0, ZoneId.of("America/New_York"), EUR);
        var t = LockSchedule.timing(Instant.parse("2025-07-01T12:00:00Z"), Instant.parse("2025-07-01T12:00:00Z"), ny);
        assertThat(t.lockDate()).isEqualTo(LocalDate.of(2025, 7, 6));
        assertThat(t.lockAt()).isEqualTo(Instant.parse("2025-07-07T04:00:00Z")); // midnight EDT
        assertThat(t.clearingAt()).isEqualTo(Instant.parse("2025-07-31T04:00:00Z"));
    }

    @Test
    void a_late_report_takes_the_report_time_as_event_date() {
        var s = settings(0, 3, ReferencePeriod.DAY, 0);
        // Happened Jan 1st (lock date Jan 4th, over at Jan 5th 00:00), reported Jan 20th.
        var late = LockSchedule.timing(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-20T08:00:00Z"), s);
        assertThat(late.lateReported()).isTrue();
        assertThat(late.eventDate()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(late.lockDate()).isEqualTo(LocalDate.of(2025, 1, 23));

        // Reported just before the lock date is over: not late.
        var inTime = LockSchedule.timing(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-04T23:59:59Z"), s);
        assertThat(inTime.lateReported()).isFalse();
        assertThat(inTime.lockDate()).isEqualTo(LocalDate.of(2025, 1, 4));

        // Exactly when it is over: late.
        var atBoundary = LockSchedule.timing(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-05T00:00:00Z"), s);
        assertThat(atBoundary.lateReported()).isTrue();
    }

    @Test
    void more_than_27_days_without_months_is_refused() {
        assertThatThrownBy(() -> settings(0, 28, ReferencePeriod.MONTH, 0))
                .isInstanceOf(DomainException.BadRequest.class).hasMessageContaining("at most 27");
        assertThat(settings(0, 27, ReferencePeriod.MONTH, 0).lockDays()).isEqualTo(27);
        assertThat(settings(1, 28, ReferencePeriod.MONTH, 0).lockDays()).isEqualTo(28);
    }

    @Test
    void out_of_range_settings_are_refused() {
        assertThatThrownBy(() -> settings(-1, 0, ReferencePeriod.DAY, 0)).isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> settings(25, 0, ReferencePeriod.DAY, 0)).isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> settings(1, 32, ReferencePeriod.DAY, 0)).isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> settings(1, 0, ReferencePeriod.DAY, -1)).isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> settings(1, 0, ReferencePeriod.DAY, 121)).isInstanceOf(DomainException.BadRequest.class);
    }
}
