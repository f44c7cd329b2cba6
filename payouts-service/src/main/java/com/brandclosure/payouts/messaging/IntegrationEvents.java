package com.brandclosure.payouts.messaging;

import com.brandclosure.events.PayoutsEvent;
import com.brandclosure.payouts.domain.ActionDetails;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.PayoutsSummary;

/**
 * Domain events to the published shapes on {@code payouts.events}. The public shape is
 * deliberate: amounts as minor units + currency code, dates as ISO dates, no internal types.
 */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** {@code after} is the action's state once {@code event} applied. */
    public static PayoutsEvent of(ActionEvent event, ActionState after) {
        ActionDetails d = ((ActionState.Tracked) after).details();
        String account = d.accountId().value();
        long cost = d.cost().minor();
        String currency = d.cost().currency().getCurrencyCode();
        return switch (event) {
            case ActionEvent.ActionTracked e -> new com.brandclosure.events.ActionTracked(account, d.actionId(),
                    d.partnerId(), d.eventAt(), cost, currency, d.lockDate(), d.clearingDate());
            case ActionEvent.ActionApproved e -> new com.brandclosure.events.ActionApproved(account, d.actionId(), cost,
                    currency, d.lockDate(), d.clearingDate(), d.clearingAt());
            case ActionEvent.ActionReversed e -> new com.brandclosure.events.ActionReversed(account, d.actionId(),
                    e.reason());
            case ActionEvent.ActionRestored e -> new com.brandclosure.events.ActionRestored(account, d.actionId());
            case ActionEvent.ActionModified e -> new com.brandclosure.events.ActionModified(account, d.actionId(),
                    e.newCost().minor(), e.newCost().currency().getCurrencyCode(), e.reason());
            case ActionEvent.ActionLocked e -> new com.brandclosure.events.ActionLocked(account, d.actionId(), cost,
                    currency, d.clearingDate(), d.clearingAt());
            case ActionEvent.ActionCleared e -> new com.brandclosure.events.ActionCleared(account, d.actionId(), cost,
                    currency, e.clearedOn());
            case ActionEvent.ActionRejected e -> new com.brandclosure.events.ActionRejected(account, d.actionId(),
                    e.reason().name());
            case ActionEvent.ActionReevaluated e -> throw new IllegalArgumentException("not published: " + e);
        };
    }

    /** {@code version}: the stored event's version in the account's summary stream, published as sourceVersion. */
    public static PayoutsEvent of(String accountId, long version, PayoutsSummary.SummaryEvent event) {
        return switch (event) {
            case PayoutsSummary.PayoutsSettled s -> new com.brandclosure.events.PayoutsSettled(accountId,
                    s.lastLockDate(), s.lastLockAt(), s.asOf(), version, s.reportFor(), s.lastClearingAt());
            case PayoutsSummary.PayoutsPending p -> new com.brandclosure.events.PayoutsPending(accountId,
                    p.pendingActions(), p.asOf(), version, p.pendingCostMinor(), p.reportFor());
            case PayoutsSummary.ContractEndNoted n -> throw new IllegalArgumentException("not published: " + n);
        };
    }
}
