package com.brandclosure.payouts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The account-level barrier the closure saga waits for: settled (no pending action) or pending.
 * Announced on every crossing; while settled, a later {@code lastLockDate} is announced again
 * because the saga must wait for it. An earlier one is not: waiting a little longer is safe.
 */
public final class PayoutsSummary {

    private PayoutsSummary() {
    }

    public enum Announced { NONE, SETTLED, PENDING }

    public record State(Announced announced, LocalDate lastLockDate) {
        public static State initial() {
            return new State(Announced.NONE, null);
        }
    }

    public sealed interface SummaryEvent {
    }

    public record PayoutsSettled(LocalDate lastLockDate, Instant lastLockAt, Instant asOf) implements SummaryEvent {
    }

    public record PayoutsPending(long pendingActions, Instant asOf) implements SummaryEvent {
    }

    /**
     * {@code pendingActions} and {@code lastLockDate} (latest lock date of an approved, not yet
     * locked action; null if none) describe the account after the change being decided.
     */
    public static List<SummaryEvent> decide(State state, long pendingActions, LocalDate lastLockDate, ZoneId zone,
                                            Instant now) {
        if (pendingActions < 0) {
            throw new IllegalArgumentException("pendingActions must not be negative");
        }
        if (pendingActions > 0) {
            return state.announced() == Announced.PENDING ? List.of() : List.of(new PayoutsPending(pendingActions, now));
        }
        boolean later = lastLockDate != null
                && (state.lastLockDate() == null || lastLockDate.isAfter(state.lastLockDate()));
        if (state.announced() != Announced.SETTLED || later) {
            Instant lastLockAt = lastLockDate == null ? null : LockSchedule.lockAt(lastLockDate, zone);
            return List.of(new PayoutsSettled(lastLockDate, lastLockAt, now));
        }
        return List.of();
    }

    public static State evolve(State state, SummaryEvent event) {
        return switch (event) {
            case PayoutsSettled s -> new State(Announced.SETTLED, s.lastLockDate());
            case PayoutsPending p -> new State(Announced.PENDING, null);
        };
    }
}
