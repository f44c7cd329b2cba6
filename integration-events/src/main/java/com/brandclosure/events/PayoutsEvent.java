package com.brandclosure.events;

/** Published by payouts-service on {@link Topics#PAYOUTS}. Amounts are minor units of {@code currency}. */
public sealed interface PayoutsEvent extends IntegrationEvent
        permits ActionTracked, ActionApproved, ActionReversed, ActionModified, ActionRestored, ActionLocked,
        ActionCleared, ActionRejected, PayoutsSettled, PayoutsPending, AccountFenced, AccountLocaleDecided {
}
