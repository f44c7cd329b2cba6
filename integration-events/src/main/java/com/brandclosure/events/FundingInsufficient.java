package com.brandclosure.events;

/** Retraction of {@link FundingSufficient}. */
public record FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf) implements FundingEvent {
}
