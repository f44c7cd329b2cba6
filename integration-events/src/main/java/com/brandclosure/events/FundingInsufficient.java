package com.brandclosure.events;

/**
 * Retraction of {@link FundingSufficient}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, FundingEvent {
}
