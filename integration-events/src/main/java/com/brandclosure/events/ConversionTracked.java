package com.brandclosure.events;

import java.time.Instant;

/**
 * A tracked conversion as a tracking system publishes it on {@link Topics#ACTIONS_INGEST}.
 * {@code eventAt} is when the conversion happened; {@code reportedAt} when it was reported
 * (a late report takes the report time as its event date). {@code contractId} may be null.
 */
public record ConversionTracked(String accountId, String actionId, String partnerId, String contractId,
                                Instant eventAt, Instant reportedAt, long costMinor, String currency)
        implements IntegrationEvent {
}
