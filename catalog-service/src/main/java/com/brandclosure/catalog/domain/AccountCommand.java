package com.brandclosure.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What may be asked of the account as the catalog context sees it. */
public sealed interface AccountCommand {

    record Deactivate(String accountId, LocalDate closureDate, Instant at) implements AccountCommand {
    }

    /** Re-evaluates the "catalogs deleted" precondition from the number of live catalogs. */
    record Reconcile(long liveCatalogs, Instant at) implements AccountCommand {
    }

    /**
     * The closure saga asked for a state report ({@code reportFor}: its closure id): the summary is
     * announced from the current count whether or not it flipped, also for an account never seen.
     */
    record ReportState(long liveCatalogs, String reportFor, Instant at) implements AccountCommand {
    }
}
