package com.brandclosure.payouts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The date arithmetic of locking and clearing, as named policy functions. */
public final class LockSchedule {

    private LockSchedule() {
    }

    /** When an action is considered to have happened, and the dates that follow from it. */
    public record Timing(LocalDate eventDate, boolean lateReported, LocalDate lockDate, LocalDate clearingDate,
                         Instant lockAt, Instant clearingAt) {
    }

    /**
     * Lock date = end of the reference period of {@code eventDate} + the locking period. Counting
     * months from a month end lands on the end of the target month (Jan 31 + 1 month = Feb 28/29,
     * Feb 28 + 1 month = Mar 31), because "one month after the end of February" means the end of
     * March. Counting months from a day clamps to the last day of a shorter month
     * (Jan 31 + 1 month = Feb 28/29), as {@link LocalDate#plusMonths} does.
     */
    public static LocalDate lockDate(LocalDate eventDate, LockingSettings s) {
        LocalDate afterMonths = switch (s.referencePeriod()) {
            case DAY -> eventDate.plusMonths(s.lockMonths());
            case MONTH -> YearMonth.from(eventDate).plusMonths(s.lockMonths()).atEndOfMonth();
        };
        return afterMonths.plusDays(s.lockDays());
    }

    /**
     * Clearing date = end of the lock date's month + the payment scheduling period, but never before
     * the day after the lock date. An action locks when its lock date is over and clears at the start
     * of its clearing date: with a lock date on a month end and 0 scheduling days the plain rule gives
     * the lock date itself, which would pay the action at the start of the day on which it can still
     * change. The day after the lock date is the first day on which it is locked, so the clearing
     * instant is never before the lock instant, in any zone.
     */
    public static LocalDate clearingDate(LocalDate lockDate, LockingSettings s) {
        LocalDate scheduled = YearMonth.from(lockDate).atEndOfMonth().plusDays(s.paymentSchedulingDays());
        LocalDate firstLockedDay = lockDate.plusDays(1);
        return scheduled.isBefore(firstLockedDay) ? firstLockedDay : scheduled;
    }

    /** An action locks once its lock date is over: at the start of the next day in the account's zone. */
    public static Instant lockAt(LocalDate lockDate, ZoneId zone) {
        return lockDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** An action clears at the start of its clearing date in the account's zone. */
    public static Instant clearingAt(LocalDate clearingDate, ZoneId zone) {
        return clearingDate.atStartOfDay(zone).toInstant();
    }

    /**
     * The timing of an action that happened at {@code eventAt} and was reported at
     * {@code reportedAt}. A report that arrives when the lock date computed from the event time
     * is already over is late: the report time becomes the event date, so that no action is born
     * locked and the brand still gets its locking period to review it.
     */
    public static Timing timing(Instant eventAt, Instant reportedAt, LockingSettings s) {
        ZoneId zone = s.zone();
        LocalDate eventDate = eventAt.atZone(zone).toLocalDate();
        LocalDate lock = lockDate(eventDate, s);
        boolean late = !reportedAt.isBefore(lockAt(lock, zone));
        if (late) {
            eventDate = reportedAt.atZone(zone).toLocalDate();
            lock = lockDate(eventDate, s);
        }
        LocalDate clearing = clearingDate(lock, s);
        return new Timing(eventDate, late, lock, clearing, lockAt(lock, zone), clearingAt(clearing, zone));
    }
}
