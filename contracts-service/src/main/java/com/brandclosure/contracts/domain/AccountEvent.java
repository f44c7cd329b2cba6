package com.brandclosure.contracts.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to the account as the contracts context sees it. */
public sealed interface AccountEvent {

    record AccountConfigured(String accountId, String timeZone, Instant configuredAt) implements AccountEvent {
    }

    /** The account's time zone as decided once for every service; {@code timeZone} from now on. */
    record ZoneDecided(String accountId, String timeZone, Instant decidedAt) implements AccountEvent {
    }

    /** New contracts, switches and links are refused from now on; nothing undoes this. */
    record AccountFenced(String accountId, LocalDate closureDate, Instant fencedAt) implements AccountEvent {
    }

    /** {@code reportFor}: the closure whose state report this answers; null when the precondition flipped. */
    record ContractsPreconditionMet(Instant asOf, String reportFor) implements AccountEvent {
        public ContractsPreconditionMet(Instant asOf) {
            this(asOf, null);
        }
    }

    record ContractsPreconditionRetracted(long activeContracts, long pendingSwitches, Instant asOf, String reportFor)
            implements AccountEvent {
        public ContractsPreconditionRetracted(long activeContracts, long pendingSwitches, Instant asOf) {
            this(activeContracts, pendingSwitches, asOf, null);
        }
    }
}
