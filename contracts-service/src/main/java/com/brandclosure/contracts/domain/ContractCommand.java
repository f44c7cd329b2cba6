package com.brandclosure.contracts.domain;

import java.time.Instant;

/** What may be asked of one partner contract. Every command carries the time it is decided at ({@code at}). */
public sealed interface ContractCommand {

    Instant at();

    record CreateContract(String contractId, String accountId, String partnerId, String landingUrl, Instant at)
            implements ContractCommand {
    }

    record ProposeSwitch(String switchId, String terms, Instant at) implements ContractCommand {
    }

    record ScheduleSwitch(String switchId, String terms, Instant effectiveAt, Instant at) implements ContractCommand {
    }

    record WithdrawSwitch(String switchId, Instant at) implements ContractCommand {
    }

    /**
     * Expire at {@code expiresAt} (already computed by {@link ExpiryPolicy}); immediately if that
     * instant is not after {@code at}, else scheduled. Already-expired contracts are left alone,
     * but their switches are still withdrawn when asked, so a repeated bulk expiry can clean up.
     */
    record ExpireContract(Instant expiresAt, String comment, boolean withdrawSwitches, Instant at)
            implements ContractCommand {
    }

    /** A scheduled expiry's timer fired at {@code at}; stale timers (moved or already expired) do nothing. */
    record FireScheduledExpiry(Instant at) implements ContractCommand {
    }

    /** The account was deactivated: expire now if still active and withdraw every pending switch. */
    record ExpireOnDeactivation(Instant at) implements ContractCommand {
    }
}
