package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.Decider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account-level barrier the closure saga waits for: settled (no pending action) or pending.
 * Announced on every crossing; while settled, a later {@code lastLockDate} is announced again
 * because the saga must wait for it. An earlier one is not: waiting a little longer is safe.
 * {@code lastLockDate} follows {@link LockHorizon}: it covers the approved actions and the day the
 * account's last contract ends, which the stream keeps per contract ({@link ContractEndNoted}).
 */
public final class PayoutsSummary {

    private PayoutsSummary() {
    }

    public enum Announced { NONE, SETTLED, PENDING }

    /**
     * {@code contractEnds}: per contract, when it ends or ended (scheduled or done), as contracts-service
     * announced it last. Per contract, so that an expiry moved earlier replaces the later one.
     */
    public record State(Announced announced, LocalDate lastLockDate, Map<String, Instant> contractEnds) {
        public State {
            // Snapshots taken before contract ends were kept have none.
            contractEnds = contractEnds == null ? Map.of() : Map.copyOf(contractEnds);
        }

        public static State initial() {
            return new State(Announced.NONE, null, Map.of());
        }

        /** When the account's last contract ends, null if no contract end is known. */
        public Instant lastContractEnd() {
            return contractEnds.values().stream().max(Instant::compareTo).orElse(null);
        }
    }

    public sealed interface SummaryEvent {
    }

    /**
     * {@code reportFor}: the closure whose state report this answers; null when the summary crossed.
     * {@code lastClearingAt}: when the last partner payment the account can still owe clears ({@link
     * #lastClearingAt}); null when none is left (and in events stored before it was kept).
     */
    public record PayoutsSettled(LocalDate lastLockDate, Instant lastLockAt, Instant asOf, String reportFor,
                                 Instant lastClearingAt) implements SummaryEvent {
        public PayoutsSettled(LocalDate lastLockDate, Instant lastLockAt, Instant asOf) {
            this(lastLockDate, lastLockAt, asOf, null, null);
        }

        public PayoutsSettled(LocalDate lastLockDate, Instant lastLockAt, Instant asOf, String reportFor) {
            this(lastLockDate, lastLockAt, asOf, reportFor, null);
        }
    }

    /** {@code pendingCostMinor}: what the pending actions cost, for the brand's forecast (0 if not told). */
    public record PayoutsPending(long pendingActions, Instant asOf, String reportFor, long pendingCostMinor)
            implements SummaryEvent {
        public PayoutsPending(long pendingActions, Instant asOf) {
            this(pendingActions, asOf, null, 0);
        }

        public PayoutsPending(long pendingActions, Instant asOf, String reportFor) {
            this(pendingActions, asOf, reportFor, 0);
        }
    }

    /** Internal (not published): a contract of the account ends, or ended, at {@code endsAt}. */
    public record ContractEndNoted(String contractId, Instant endsAt) implements SummaryEvent {
    }

    public sealed interface SummaryCommand {
    }

    /**
     * Asks the summary to compare itself with the account after a change: {@code pendingActions}
     * and {@code lastLockDate} (latest lock date of an approved, not yet locked action; null if
     * none) describe the account after the change, {@code settings} are the account's (zone and
     * locking period, for the last contract's lock date); {@code lastClearingAt} is the latest clearing
     * instant of an approved or locked action not cleared yet (null if none).
     */
    public record Recount(long pendingActions, LocalDate lastLockDate, LockingSettings settings, Instant now,
                          long pendingCostMinor, Instant lastClearingAt) implements SummaryCommand {
        public Recount {
            if (pendingActions < 0) {
                throw new IllegalArgumentException("pendingActions must not be negative");
            }
        }

        public Recount(long pendingActions, LocalDate lastLockDate, LockingSettings settings, Instant now) {
            this(pendingActions, lastLockDate, settings, now, 0, null);
        }

        public Recount(long pendingActions, LocalDate lastLockDate, LockingSettings settings, Instant now,
                       long pendingCostMinor) {
            this(pendingActions, lastLockDate, settings, now, pendingCostMinor, null);
        }
    }

    /**
     * contracts-service announced that {@code contractId} ends (a scheduled expiry) or ended at
     * {@code endsAt}; {@code account} describes the account as for a recount.
     */
    public record NoteContractEnd(String contractId, Instant endsAt, Recount account) implements SummaryCommand {
    }

    /**
     * The closure saga asked for a state report ({@code reportFor}: its closure id): the summary is
     * announced from {@code account}'s figures whether or not it crossed, also for an account never
     * seen (no actions: settled).
     */
    public record Report(Recount account, String reportFor) implements SummaryCommand {
    }

    /** The decider the command runner loads the summary stream with. */
    public static final Decider<SummaryCommand, State, SummaryEvent> DECIDER =
            Decider.of(State.initial(), PayoutsSummary::decide, PayoutsSummary::evolve);

    /** The account's summary stream. */
    public static String streamId(String accountId) {
        return "payouts-summary:" + accountId;
    }

    public static List<SummaryEvent> decide(SummaryCommand command, State state) {
        return switch (command) {
            case Recount c -> recount(c, state);
            case NoteContractEnd c -> {
                if (c.endsAt().equals(state.contractEnds().get(c.contractId()))) {
                    yield recount(c.account(), state);
                }
                var noted = new ContractEndNoted(c.contractId(), c.endsAt());
                List<SummaryEvent> events = new ArrayList<>();
                events.add(noted);
                events.addAll(recount(c.account(), evolve(state, noted)));
                yield List.copyOf(events);
            }
            case Report c -> List.of(report(c, state));
        };
    }

    private static SummaryEvent report(Report r, State state) {
        Recount c = r.account();
        if (c.pendingActions() > 0) {
            return new PayoutsPending(c.pendingActions(), c.now(), r.reportFor(), c.pendingCostMinor());
        }
        LocalDate lastLockDate = LockHorizon.lastLockDate(c.lastLockDate(), state.lastContractEnd(), c.settings(),
                c.now());
        Instant lastLockAt = lastLockDate == null ? null : LockSchedule.lockAt(lastLockDate, c.settings().zone());
        return new PayoutsSettled(lastLockDate, lastLockAt, c.now(), r.reportFor(), lastClearingAt(c, lastLockDate));
    }

    /**
     * The last partner payment the account can still owe clears at the later of: the clearing instant of
     * the last lock date (an action that locks then, covering the last contract, clears on its clearing
     * date), and that of every approved or locked action not cleared yet. Null: nothing is left to clear.
     * The saga counts the final settlement's deadline from it.
     */
    static Instant lastClearingAt(Recount c, LocalDate lastLockDate) {
        Instant byLockDate = lastLockDate == null ? null : LockSchedule.clearingAt(
                LockSchedule.clearingDate(lastLockDate, c.settings()), c.settings().zone());
        if (byLockDate == null) {
            return c.lastClearingAt();
        }
        return c.lastClearingAt() == null || byLockDate.isAfter(c.lastClearingAt()) ? byLockDate : c.lastClearingAt();
    }

    private static List<SummaryEvent> recount(Recount c, State state) {
        if (c.pendingActions() > 0) {
            return state.announced() == Announced.PENDING ? List.of()
                    : List.of(new PayoutsPending(c.pendingActions(), c.now(), null, c.pendingCostMinor()));
        }
        LocalDate lastLockDate = LockHorizon.lastLockDate(c.lastLockDate(), state.lastContractEnd(), c.settings(),
                c.now());
        boolean later = lastLockDate != null
                && (state.lastLockDate() == null || lastLockDate.isAfter(state.lastLockDate()));
        if (state.announced() != Announced.SETTLED || later) {
            Instant lastLockAt = lastLockDate == null ? null : LockSchedule.lockAt(lastLockDate, c.settings().zone());
            return List.of(new PayoutsSettled(lastLockDate, lastLockAt, c.now(), null,
                    lastClearingAt(c, lastLockDate)));
        }
        return List.of();
    }

    public static State evolve(State state, SummaryEvent event) {
        return switch (event) {
            case PayoutsSettled s -> new State(Announced.SETTLED, s.lastLockDate(), state.contractEnds());
            case PayoutsPending p -> new State(Announced.PENDING, null, state.contractEnds());
            case ContractEndNoted n -> {
                Map<String, Instant> ends = new HashMap<>(state.contractEnds());
                ends.put(n.contractId(), n.endsAt());
                yield new State(state.announced(), state.lastLockDate(), ends);
            }
        };
    }
}
