package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.AccountClosureState.AccountClosed;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingFinalSettlement;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingLockDate;
import com.brandclosure.closure.domain.AccountClosureState.ClosureCancelled;
import com.brandclosure.closure.domain.AccountClosureState.ClosureRequested;
import com.brandclosure.closure.domain.AccountClosureState.Deactivating;
import com.brandclosure.closure.domain.AccountClosureState.NotInitiated;
import com.brandclosure.closure.domain.AccountClosureState.Preparing;
import com.brandclosure.closure.domain.Deadlines;
import com.brandclosure.closure.domain.Precondition;

import java.time.Instant;
import java.util.List;

/**
 * What a closure waits on, since when and until when: the support view of a state. "Until" is the
 * deadline of every waiting state ({@link Deadlines}); past it the closure is overdue.
 */
public record ClosureStatus(List<String> waitingOn, Instant since, Instant until) {

    public static final String LOCK_DATE = "LOCK_DATE";
    public static final String FINAL_REVIEW = "FINAL_REVIEW";
    public static final String NEW_EVIDENCE = "NEW_EVIDENCE";
    public static final String DEACTIVATION = "DEACTIVATION";
    public static final String FINAL_SETTLEMENT = "FINAL_SETTLEMENT";
    /** After a review request: the sources' fresh state reports not all in yet. */
    public static final String STATE_REPORTS = "STATE_REPORTS";

    /** Every value {@code waitingOn} can hold. */
    public static List<String> waitingOnValues() {
        var all = new java.util.ArrayList<String>();
        for (Precondition p : Precondition.values()) {
            all.add(p.name());
        }
        all.addAll(List.of(NEW_EVIDENCE, STATE_REPORTS, LOCK_DATE, FINAL_REVIEW, DEACTIVATION, FINAL_SETTLEMENT));
        return List.copyOf(all);
    }

    public static ClosureStatus of(AccountClosureState state, Deadlines deadlines) {
        java.time.Instant until = deadlines.of(state).orElse(null);
        return switch (state) {
            case NotInitiated n -> new ClosureStatus(List.of(), null, null);
            case Preparing p when p.heldForNewEvidence() -> new ClosureStatus(List.of(NEW_EVIDENCE), p.since(), until);
            case Preparing p -> {
                var waiting = new java.util.ArrayList<>(p.ledger().facts().unmet().stream().map(Enum::name).toList());
                if (p.ledger().reports().awaitsReview()) {
                    waiting.add(STATE_REPORTS);
                }
                yield new ClosureStatus(List.copyOf(waiting), p.since(), until);
            }
            case AwaitingLockDate a -> new ClosureStatus(List.of(LOCK_DATE), a.since(), until);
            case ClosureRequested r -> new ClosureStatus(List.of(FINAL_REVIEW), r.since(), until);
            // With every fence in, what still holds the deactivation back: a retraction that raced the approval, or a
            // lock date it moved later.
            case Deactivating d when d.missingFences().isEmpty() && !d.ledger().facts().allHold() -> new ClosureStatus(
                    d.ledger().facts().unmet().stream().map(Enum::name).toList(), d.since(), until);
            case Deactivating d when d.missingFences().isEmpty() && d.wakeAt() != null ->
                    new ClosureStatus(List.of(LOCK_DATE), d.since(), until);
            case Deactivating d -> new ClosureStatus(List.of(DEACTIVATION), d.since(), until);
            case AwaitingFinalSettlement d -> new ClosureStatus(List.of(FINAL_SETTLEMENT), d.since(), until);
            case AccountClosed c -> new ClosureStatus(List.of(), c.since(), null);
            case ClosureCancelled c -> new ClosureStatus(List.of(), c.since(), null);
        };
    }

    public boolean overdueAt(Instant now) {
        return until != null && until.isBefore(now);
    }
}
