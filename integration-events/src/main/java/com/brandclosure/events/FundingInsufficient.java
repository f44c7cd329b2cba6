package com.brandclosure.events;

/**
 * Retraction of {@link FundingSufficient}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, FundingEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion) {
        this(accountId, balanceMinor, requiredMinor, pastDueMinor, currency, asOf, sourceVersion, null);
    }
}
