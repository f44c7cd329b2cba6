package com.brandclosure.events;

/**
 * Retraction of {@link FundingSufficient}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}. {@code blockers}: what keeps the
 * account insufficient besides the amounts, machine-readable (empty: only money is missing; absent in
 * records published before it existed, read as empty). {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion, java.util.List<Blocker> blockers, String reportFor) implements SummaryEvent, FundingEvent {

    public FundingInsufficient {
        blockers = blockers == null ? java.util.List.of() : java.util.List.copyOf(blockers);
    }

    /** An unsolicited summary (published because the precondition flipped) naming its blockers. */
    public FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion, java.util.List<Blocker> blockers) {
        this(accountId, balanceMinor, requiredMinor, pastDueMinor, currency, asOf, sourceVersion, blockers, null);
    }

    /** An answer to a state report ({@code reportFor}) without blockers. */
    public FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion, String reportFor) {
        this(accountId, balanceMinor, requiredMinor, pastDueMinor, currency, asOf, sourceVersion, java.util.List.of(), reportFor);
    }

    /** An unsolicited summary without blockers. */
    public FundingInsufficient(String accountId, long balanceMinor, long requiredMinor, long pastDueMinor, String currency, java.time.Instant asOf, long sourceVersion) {
        this(accountId, balanceMinor, requiredMinor, pastDueMinor, currency, asOf, sourceVersion, java.util.List.of(), null);
    }

    /**
     * One reason: {@code kind} {@code COST_NOT_BOOKABLE} (a partner cost funding cannot book, {@code id} the
     * action) or {@code PAST_DUE_AFTER_DEACTIVATION} ({@code id} the payment the refund waits for), and why.
     */
    public record Blocker(String kind, String id, String reason) {
    }
}
