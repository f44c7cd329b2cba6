package com.brandclosure.events;

/**
 * Summary: past due is zero and the balance covers Required Funding.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}.
 */
public record FundingSufficient(String accountId, long balanceMinor, long requiredMinor, String currency, java.time.Instant asOf, long sourceVersion) implements SummaryEvent, FundingEvent {
}
