package com.brandclosure.events;

/** Published by funding-service on {@link Topics#FUNDING}. Amounts are minor units of {@code currency}. */
public sealed interface FundingEvent extends IntegrationEvent
        permits DepositReceived, DepositCleared, DepositFailed, ChargeBilled, PaymentOverdue, RequiredFundingChanged,
        FundingSufficient, FundingInsufficient, RefundAuthorized, RefundIssued, AccountFenced {
}
