package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;

/** What happened to a tracking link. Only live clicks are recorded: a refused click is not billable. */
public sealed interface LinkEvent {

    record LinkCreated(String linkId, String accountId, String contractId, @Personal String landingUrl, Instant createdAt)
            implements LinkEvent {
    }

    record ClickRecorded(String clickId, Instant clickedAt) implements LinkEvent {
    }
}
