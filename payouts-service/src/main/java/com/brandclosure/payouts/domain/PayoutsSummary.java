package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.Decider;

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
     * Asks the summary to compare itself with the account after a change: {@code pendingActions}
     * and {@code lastLockDate} (latest lock date of an approved, not yet locked action; null if
     * none) describe the account after the change, {@code zone} is the account's zone.
     */
    public record Recount(long pendingActions, LocalDate lastLockDate, ZoneId zone, Instant now) {
        public Recount {
            if (pendingActions < 0) {
                throw new IllegalArgumentException("pendingActions must not be negative");
            }
        }
    }

    /** The decider the command runner loads the summary stream with. */
    public static final Decider<Recount, State, SummaryEvent> DECIDER =
            Decider.of(State.initial(), PayoutsSummary::decide, PayoutsSummary::evolve);

    /** The account's summary stream. */
    public static String streamId(String accountId) {
        return "payouts-summary:" + accountId;
    }

    public static List<SummaryEvent> decide(Recount c, State state) {
        if (c.pendingActions() > 0) {
            return state.announced() == Announced.PENDING ? List.of()
                    : List.of(new PayoutsPending(c.pendingActions(), c.now()));
        }
        LocalDate lastLockDate = c.lastLockDate();
        boolean later = lastLockDate != null
                && (state.lastLockDate() == null || lastLockDate.isAfter(state.lastLockDate()));
        if (state.announced() != Announced.SETTLED || later) {
            Instant lastLockAt = lastLockDate == null ? null : LockSchedule.lockAt(lastLockDate, c.zone());
            return List.of(new PayoutsSettled(lastLockDate, lastLockAt, c.now()));
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
