package com.brandclosure.closure.domain;

import java.time.Instant;
import java.util.List;

/**
 * What can be asked of a closure. Each command carries the time it is decided at; people's
 * commands carry who issues them (the four-eyes rule needs it).
 */
public sealed interface AccountClosureCommand {

    Instant now();

    /** Brand admin: start closing the account. */
    record InitiateClosure(String actor, String reason, Instant now) implements AccountClosureCommand {
    }

    /** Brand admin: stop closing, any time before deactivation. */
    record CancelClosure(String actor, String reason, Instant now) implements AccountClosureCommand {
    }

    /** A source service's summary event: a precondition holds, or no longer does. */
    record RecordFact(Fact fact, Instant now, String reportFor) implements AccountClosureCommand {
        /** An unsolicited summary (the source's precondition flipped). */
        public RecordFact(Fact fact, Instant now) {
            this(fact, now, null);
        }
    }

    /**
     * payouts-service decided the account's currency and time zone ({@code AccountLocaleDecided}, once):
     * the saga dates the closure, "on or after the closure date" and the forecast in that zone.
     */
    record RecordLocale(String currency, String zone, Instant now) implements AccountClosureCommand {
    }

    /** The lock-date timer of schedule {@code scheduleVersion} fired. */
    record FireLockDateTimer(long scheduleVersion, Instant now) implements AccountClosureCommand {
    }

    /** Support: approve the final review, naming the saga version whose evidence the reviewer saw. */
    record ApproveFinalReview(String approver, long versionSeen, Instant now) implements AccountClosureCommand {
    }

    /** Support: reject the final review with reasons; the closure goes back to preparing. */
    record RejectFinalReview(String reviewer, List<String> reasons, Instant now) implements AccountClosureCommand {
        public RejectFinalReview {
            reasons = List.copyOf(reasons);
        }
    }

    /** A source service confirmed it fenced the account ({@code AccountFenced}) for closure {@code closureId}. */
    record RecordFence(String service, String closureId, Instant fencedAt, Instant now)
            implements AccountClosureCommand {
    }

    /** funding-service refunded the remaining balance. */
    record RecordRefund(String refundId, SourceEvent source, Instant now) implements AccountClosureCommand {
    }

    /** Brand admin or support: after a rejected review, ask for a new one (fresh state reports are collected). */
    record RequestReview(String actor, Instant now) implements AccountClosureCommand {
    }
}
