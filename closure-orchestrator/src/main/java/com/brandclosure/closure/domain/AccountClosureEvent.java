package com.brandclosure.closure.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a closure. Each event carries the time it happened at (the saga shows
 * "since when" from it); actor, correlation and causation ids travel in the store's metadata.
 */
public sealed interface AccountClosureEvent {

    Instant at();

    /** A precondition holds, according to {@code fact.source()}. Recorded even before initiation. */
    record PreconditionMet(Fact fact, Instant at) implements AccountClosureEvent {
    }

    /** A precondition no longer holds, according to {@code fact.source()}. */
    record PreconditionRetracted(Fact fact, Instant at) implements AccountClosureEvent {
    }

    record ClosureInitiated(@Personal String initiatedBy, @Personal String reason, Instant at) implements AccountClosureEvent {
    }

    /**
     * Every precondition holds; the closure waits for the lock date. {@code lockDate} null: no
     * lock date is ahead, {@code fireAt} is then the time of scheduling. {@code scheduleVersion}
     * rises with every schedule so that a timer set for an older one is recognised as stale.
     */
    record LockDateScheduled(LockDate lockDate, Instant fireAt, long scheduleVersion, Instant at)
            implements AccountClosureEvent {
    }

    /** Compensates {@link LockDateScheduled}: the wait for the lock date is abandoned, back to preparing. */
    record LockDateTimerCancelled(long scheduleVersion, String reason, Instant at) implements AccountClosureEvent {
    }

    /** The lock date has passed with every precondition holding: a support ticket is opened for the final review. */
    record ClosureRequested(String ticketId, Instant at) implements AccountClosureEvent {
    }

    /** Compensates {@link ClosureRequested}: the open review is withdrawn, back to preparing. */
    record ReviewWithdrawn(String ticketId, String reason, Instant at) implements AccountClosureEvent {
    }

    record FinalReviewRejected(String ticketId, @Personal String reviewer, @Personal List<String> reasons, Instant at)
            implements AccountClosureEvent {
        public FinalReviewRejected {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * {@code evidenceVersion}: the saga version the approver saw, equal to the version approved. The
     * closure is then Deactivating; {@code closureDate} is the day of the approval in the account's
     * time zone (null in events stored before it was decided here).
     */
    record FinalReviewApproved(String ticketId, @Personal String approver, long evidenceVersion, Instant at,
                               LocalDate closureDate) implements AccountClosureEvent {
    }

    /** {@code service} fenced the account for the closure {@code closureId} (the ticket) at {@code fencedAt}. */
    record FenceConfirmed(String service, String closureId, Instant fencedAt, Instant at)
            implements AccountClosureEvent {
    }

    /** Irreversible. Other services fence activity dated on or after {@code closureDate}. */
    record AccountDeactivated(LocalDate closureDate, Instant at) implements AccountClosureEvent {
    }

    record ClosureCancelled(@Personal String cancelledBy, @Personal String reason, Instant at) implements AccountClosureEvent {
    }

    /** The end: the remaining balance was refunded ({@code refundId}) or there was none to refund (null). */
    record AccountClosed(String refundId, Instant at) implements AccountClosureEvent {
    }

    /**
     * {@code source}'s service answered the state report asked for closure {@code closureId}
     * (the fact it carried is recorded as any other, by its source version).
     */
    record StateReported(Precondition source, String closureId, Instant at) implements AccountClosureEvent {
    }

    /**
     * After a rejected review, the brand admin or support asked for a new one: fresh state reports are
     * asked for, and the closure no longer waits for new evidence before a review may open again.
     */
    record ReviewRequested(String requestedBy, Instant at) implements AccountClosureEvent {
    }

    /**
     * The account's currency and time zone (IANA id) as payouts-service decided them, recorded once
     * whatever the closure's state (like a fact): closure date and forecast are days in this zone.
     */
    record LocaleRecorded(String currency, String zone, Instant at) implements AccountClosureEvent {
    }

    /**
     * A reconciliation found that the saga's picture of {@code source} was not the source's: its answer to a
     * reconciliation request ({@code reportFor} = {@link Reports#reconciliationIdOf}) is later than the saga's fact
     * and differs from it in what the saga acts on ({@link Drift#between}: {@code differs} is {@link Drift#KIND},
     * {@link Drift#LAST_LOCK_DATE} or {@link Drift#MISSING}). {@code sagaHad} is null when the saga had no word of
     * that source. The answer's fact is recorded right after it (PreconditionMet / PreconditionRetracted), so the
     * saga moves on or back as with any later word.
     */
    record DriftDetected(Precondition source, Word sagaHad, Word sourceSays, String differs, Instant at)
            implements AccountClosureEvent {

        /** One word on a precondition: the summary's kind, its source version and (payouts) the last lock date named. */
        public record Word(String kind, long sourceVersion, LocalDate lastLockDate) {

            static Word of(Fact fact) {
                return new Word(fact.precondition().kind(fact.holds()), fact.source().sourceVersion(),
                        fact.lockDate() == null ? null : fact.lockDate().date());
            }
        }
    }
}
