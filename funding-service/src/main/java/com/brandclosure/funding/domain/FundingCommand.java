package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/**
 * What can be asked of a funding account. Every command carries {@code now}, the caller's clock
 * reading: what is due and the summary's {@code asOf} are decided against it, so the decider
 * reads no clock.
 */
public sealed interface FundingCommand {

    /** The time the command is decided at. */
    Instant now();

    /** {@code zone}: the account's time zone (null: not given; a new account is then in UTC). */
    record OpenAccount(String accountId, Currency currency, ZoneId zone, Instant now) implements FundingCommand {
        public OpenAccount(String accountId, Currency currency, Instant now) {
            this(accountId, currency, null, now);
        }
    }

    /**
     * payouts-service decided the account's currency and zone ({@code AccountLocaleDecided}): opens the
     * account in them, nothing if it is in them already; an account a cost opened in another currency (or
     * zone) before the decision gets a named blocker ({@code LOCALE_CONFLICT}) until support resolves it.
     */
    record AdoptLocale(String accountId, Currency currency, ZoneId zone, Instant now) implements FundingCommand {
    }

    /** Support resolves the account's locale conflict (settled outside the account), saying why. */
    record ResolveLocaleConflict(String resolvedBy, String note, Instant now) implements FundingCommand {
    }

    record ReceiveDeposit(String depositId, DepositMethod method, Money amount, Instant now)
            implements FundingCommand {
    }

    record ClearDeposit(String depositId, Instant now) implements FundingCommand {
    }

    record FailDeposit(String depositId, String reason, Instant now) implements FundingCommand {
    }

    record BillCharge(String chargeId, Money amount, LocalDate dueOn, String description, Instant now)
            implements FundingCommand {
    }

    /** payouts-service approved a partner cost (or approved it again after a restore). */
    record ApproveCost(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt, Instant now)
            implements FundingCommand {
    }

    /** payouts-service modified the cost of an action. */
    record ChangeCost(String actionId, Money amount, Instant now) implements FundingCommand {
    }

    /** payouts-service reversed or rejected the action: its cost is no longer owed. */
    record WithdrawCost(String actionId, String reason, Instant now) implements FundingCommand {
    }

    record LockCost(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt, Instant now)
            implements FundingCommand {
    }

    /** payouts-service cleared the action: pay it now if the clearing timer has not yet. */
    record PayCost(String actionId, Instant now) implements FundingCommand {
    }

    /** A timer: pay what is due at {@code now}, and re-evaluate which fees fall in the 45-day window. */
    record PayDue(Instant now) implements FundingCommand {
    }

    /** closure-orchestrator deactivated the brand; recorded even before the account opens, so a late cost's account knows. */
    record RecordDeactivation(LocalDate closureDate, Instant now) implements FundingCommand {
    }

    /** payouts-service's summary: {@code settled} when it reports nothing unsettled for the brand. */
    record NotePayouts(boolean settled, Instant now) implements FundingCommand {
    }

    /**
     * Support resolves a blocked cost: books it as {@code bookedAmount} (in the account's currency), or
     * writes it off when that is null; {@code note} says why.
     */
    record ResolveBlockedCost(String actionId, Money bookedAmount, String resolvedBy, String note, Instant now)
            implements FundingCommand {
    }

    record AuthorizeRefund(String authorizationId, String refundId, String authorizedBy, Instant now)
            implements FundingCommand {
    }

    /**
     * closure-orchestrator asked for a state report ({@code reportFor}: its closure id): the summary is
     * announced as of {@code now} whether or not it crossed; an account never opened owes nothing.
     */
    record ReportState(String reportFor, Instant now) implements FundingCommand {
    }
}
