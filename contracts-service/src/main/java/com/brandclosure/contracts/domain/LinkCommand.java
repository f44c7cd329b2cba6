package com.brandclosure.contracts.domain;

import java.time.Instant;

/** What may be asked of a tracking link. */
public sealed interface LinkCommand {

    /** {@code contractActive}: the contract's status when the link is created (from its own stream). */
    record CreateLink(String linkId, String accountId, String contractId, String landingUrl, boolean contractActive,
                      Instant at) implements LinkCommand {
    }

    /**
     * A click. {@code contractActive} and {@code accountDeactivated} are the facts the click is
     * judged by, looked up by the caller at {@code at}.
     */
    record RecordClick(String clickId, boolean contractActive, boolean accountDeactivated, Instant at)
            implements LinkCommand {
    }
}
