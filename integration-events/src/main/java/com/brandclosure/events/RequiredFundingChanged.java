package com.brandclosure.events;


public record RequiredFundingChanged(String accountId, long pastDueMinor, long pendingPaymentsMinor, long requiredMinor, long balanceMinor, String currency) implements FundingEvent {
}
