package com.brandclosure.events;

/**
 * Summary: no active contract, no expiry still ahead, no pending proposal or scheduled switch.
 * {@code sourceVersion}: see {@link SummaryEvent#sourceVersion()}; {@code reportFor}: see {@link SummaryEvent#reportFor()}.
 */
public record ContractsExpired(String accountId, java.time.Instant asOf, long sourceVersion, String reportFor) implements SummaryEvent, ContractsEvent {

    /** An unsolicited summary (published because the precondition flipped). */
    public ContractsExpired(String accountId, java.time.Instant asOf, long sourceVersion) {
        this(accountId, asOf, sourceVersion, null);
    }
}
