package com.brandclosure.events;

/** Published by closure-orchestrator on {@link Topics#CLOSURE}. */
public sealed interface ClosureEvent extends IntegrationEvent
        permits ClosureInitiated, PreconditionMet, PreconditionRetracted, LockDateScheduled, ClosureRequested,
        FinalReviewRejected, FinalReviewApproved, AccountDeactivated, ClosureCancelled, AccountClosed, StateReportRequested {
}
