package com.brandclosure.contracts.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What may be asked of the account-level aggregate of the contracts context. */
public sealed interface AccountCommand {

    Instant at();

    /** Registers the account or changes its time zone (an IANA zone id, checked here). */
    record ConfigureAccount(String accountId, String timeZone, Instant at) implements AccountCommand {
    }

    /**
     * Adopts the time zone decided for the account (by payouts-service, {@code AccountLocaleDecided}): it
     * becomes the account's zone whatever was configured before, and is the only one accepted afterwards.
     */
    record AdoptDecidedZone(String accountId, String timeZone, Instant at) implements AccountCommand {
    }

    record Deactivate(String accountId, LocalDate closureDate, Instant at) implements AccountCommand {
    }

    /**
     * Re-evaluates the "contracts expired" precondition from the account's current figures:
     * {@code activeContracts} counts contracts not yet expired (including those with a future
     * expiry), {@code pendingSwitches} proposals and scheduled switches still pending.
     */
    record Reconcile(long activeContracts, long pendingSwitches, Instant at) implements AccountCommand {
    }

    /**
     * The closure saga asked for a state report ({@code reportFor}: its closure id): the summary is
     * announced from the current figures whether or not it flipped, also for an account never seen.
     */
    record ReportState(long activeContracts, long pendingSwitches, String reportFor, Instant at)
            implements AccountCommand {
    }
}
