package com.brandclosure.events;

/**
 * Summary: past due is zero and the balance covers Required Funding.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 * {@code currency}: the account's; null in a state report for an account never opened (no currency decided yet).
 */
public record FundingSufficient(String accountId, long balanceMinor, long requiredMinor, String currency, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, FundingEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public FundingSufficient(String accountId, long balanceMinor, long requiredMinor, String currency, java.time.Instant asOf, long sourceVersion) {
        this(accountId, balanceMinor, requiredMinor, currency, asOf, sourceVersion, null);
    }
}
