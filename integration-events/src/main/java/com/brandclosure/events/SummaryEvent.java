package com.brandclosure.events;

/**
 * A source service's word on one closure precondition of one account (a summary event and its
 * retraction).
 * <p>
 * {@code sourceVersion} is the version of the stored event this summary announces, in the
 * source's one per-account stream that holds that account's summaries (contracts' and catalog's
 * account stream, payouts' summary stream, funding's account stream). The event store gives each
 * version once per stream, so the number rises strictly per account and precondition whichever
 * instance of the source published it, and a re-sent or replayed summary carries its old number.
 * Consumers order summaries by it, never by partition, offset or {@code occurredAt}: those change
 * when a record is re-sent (a dead-letter replay goes to the end of its topic) and a sender's clock
 * sets the time. Versions start at 1; 0 means "not known": a current source never publishes it, and a
 * consumer reads a record published before this component existed with 0 ({@link EventCatalog#addedComponents}).
 */
public interface SummaryEvent extends IntegrationEvent {

    long sourceVersion();

    /**
     * The closure id of the {@link StateReportRequested} this summary answers; null when the summary
     * was published unsolicited (the precondition flipped). An answer carries the source's current
     * figures whether or not they changed, appended to the same summary stream, so its
     * {@code sourceVersion} orders it with every other summary of the account.
     */
    String reportFor();
}
