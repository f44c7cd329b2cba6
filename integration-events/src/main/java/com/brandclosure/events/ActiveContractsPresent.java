package com.brandclosure.events;

/**
 * Retraction of {@link ContractsExpired}.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record ActiveContractsPresent(String accountId, long activeContracts, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, ContractsEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public ActiveContractsPresent(String accountId, long activeContracts, java.time.Instant asOf, long sourceVersion) {
        this(accountId, activeContracts, asOf, sourceVersion, null);
    }
}
