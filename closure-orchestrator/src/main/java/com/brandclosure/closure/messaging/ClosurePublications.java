package com.brandclosure.closure.messaging;

import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.Reports;
import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.ClosureCancelled;
import com.brandclosure.events.ClosureInitiated;
import com.brandclosure.events.ClosureRequested;
import com.brandclosure.events.FinalReviewApproved;
import com.brandclosure.events.FinalReviewRejected;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.LockDateScheduled;
import com.brandclosure.events.PreconditionMet;
import com.brandclosure.events.PreconditionRetracted;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.platform.command.Appended;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's publication mapping (the bean is made in ClosureConfiguration): the saga's stored
 * events as the public {@code ClosureEvent}s on {@code closure.events}. The command runner gives each integration event its stored event's
 * metadata (same event id, actor, correlation and causation), so a published event can be traced
 * back to its stored one.
 */
public final class ClosurePublications {

    private ClosurePublications() {
    }

    /** The integration events that announce {@code appended} (none for what stays internal). */
    public static List<IntegrationEvent> announce(Appended appended) {
        if (!(appended.event() instanceof AccountClosureEvent event)) {
            return List.of();
        }
        // Facts gathered for an account nobody is closing concern no one outside: every brand's
        // sources flip their summaries, and publishing each would flood the closure topic. A fact
        // event never leaves NotInitiated, so the state after it tells whether a closure was open.
        boolean closureOpen = !(appended.state() instanceof AccountClosureState.NotInitiated);
        List<IntegrationEvent> announced = new ArrayList<>(2);
        toIntegrationEvent(appended.accountId(), event, closureOpen).ifPresent(announced::add);
        stateReportRequest(appended.accountId(), event, appended.<AccountClosureState>state())
                .ifPresent(announced::add);
        return List.copyOf(announced);
    }

    /**
     * An initiation and a review request also ask the four sources for their current summaries,
     * correlated by the closure id the saga recorded for it (the state after the event names it).
     */
    static Optional<IntegrationEvent> stateReportRequest(String account, AccountClosureEvent event,
                                                         AccountClosureState after) {
        if (!(event instanceof AccountClosureEvent.ClosureInitiated)
                && !(event instanceof AccountClosureEvent.ReviewRequested)) {
            return Optional.empty();
        }
        Reports reports = after.ledger().reports();
        return Optional.of(new StateReportRequested(account, reports.closureId(), reports.reason(),
                reports.requestedAt()));
    }

    static Optional<IntegrationEvent> toIntegrationEvent(String account, AccountClosureEvent event, boolean closureOpen) {
        return Optional.ofNullable(switch (event) {
            case AccountClosureEvent.PreconditionMet m -> closureOpen
                    ? new PreconditionMet(account, m.fact().precondition().name(), m.fact().source().eventId()) : null;
            case AccountClosureEvent.PreconditionRetracted r -> closureOpen
                    ? new PreconditionRetracted(account, r.fact().precondition().name(), r.fact().source().eventId())
                    : null;
            case AccountClosureEvent.ClosureInitiated i -> new ClosureInitiated(account, i.initiatedBy(), i.reason());
            case AccountClosureEvent.LockDateScheduled s -> new LockDateScheduled(account,
                    s.lockDate() == null ? null : s.lockDate().date(), s.fireAt());
            // The two compensations have no public event of their own: what caused them is
            // published (PreconditionRetracted, ClosureCancelled, the next LockDateScheduled).
            case AccountClosureEvent.LockDateTimerCancelled c -> null;
            case AccountClosureEvent.ReviewWithdrawn w -> null;
            case AccountClosureEvent.ClosureRequested r -> new ClosureRequested(account, r.ticketId(), r.at());
            case AccountClosureEvent.FinalReviewRejected r -> new FinalReviewRejected(account, r.ticketId(),
                    r.reviewer(), r.reasons());
            case AccountClosureEvent.FinalReviewApproved a -> new FinalReviewApproved(account, a.ticketId(),
                    a.approver(), a.closureDate());
            // The fences are the sources' own news (AccountFenced on their topics); what follows is AccountDeactivated.
            case AccountClosureEvent.FenceConfirmed f -> null;
            case AccountClosureEvent.AccountDeactivated d -> new AccountDeactivated(account, d.closureDate(), d.at());
            case AccountClosureEvent.ClosureCancelled c -> new ClosureCancelled(account, c.cancelledBy(), c.reason());
            case AccountClosureEvent.AccountClosed c -> new AccountClosed(account, c.at());
            // Internal: the request they follow from is published (StateReportRequested).
            case AccountClosureEvent.StateReported r -> null;
            case AccountClosureEvent.ReviewRequested r -> null;
            // payouts' own news (AccountLocaleDecided), only noted by the saga.
            case AccountClosureEvent.LocaleRecorded r -> null;
            // Internal (the closure view, the console and closure_drift_total show it): what the saga does about
            // it is the fact event recorded right after, published as any other.
            case AccountClosureEvent.DriftDetected d -> null;
        });
    }
}
