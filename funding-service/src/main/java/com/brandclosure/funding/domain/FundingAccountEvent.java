package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Personal;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * What happened to a funding account; stored in its stream under each record's simple name (the
 * logical type names, e.g. {@code CostApproved}, are the stored ones: renaming this interface changes
 * nothing stored). Named apart from {@code com.brandclosure.events.FundingEvent}, the public shape.
 */
public sealed interface FundingAccountEvent {

    /** {@code zone}: the account's time zone, in which fee due dates are days (null in older events: UTC). */
    record AccountOpened(String accountId, Currency currency, ZoneId zone) implements FundingAccountEvent {
        public AccountOpened(String accountId, Currency currency) {
            this(accountId, currency, null);
        }
    }


    /**
     * A deposit was asked for. Since deposits count only on the payment side's confirmation it is always
     * {@code pending} (the request, the intent); {@code false} only in streams from before that rule.
     */
    record DepositReceived(String depositId, DepositMethod method, Money amount, boolean pending)
            implements FundingAccountEvent {
    }

    record DepositCleared(String depositId, Money amount) implements FundingAccountEvent {
    }

    record DepositFailed(String depositId, Money amount, @Personal String reason) implements FundingAccountEvent {
    }

    record ChargeBilled(String chargeId, Money amount, LocalDate dueOn, @Personal String description) implements FundingAccountEvent {
    }

    record ChargePaid(String chargeId, Money amount) implements FundingAccountEvent {
    }

    record CostApproved(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingAccountEvent {
    }

    record CostChanged(String actionId, Money amount) implements FundingAccountEvent {
    }

    record CostWithdrawn(String actionId, @Personal String reason) implements FundingAccountEvent {
    }

    /**
     * payouts-service announced a cost the account cannot book ({@link AmountPolicy} {@code rule}
     * refused it: another currency, a bad amount). Kept, not dropped: the account stays insufficient.
     */
    record CostBlocked(String actionId, Money amount, boolean locked, LocalDate clearingDate, Instant clearingAt,
                       String rule, String reason) implements FundingAccountEvent {
    }

    /**
     * Support resolved a blocked cost: {@code resolution} {@code BOOKED} (booked as {@code booked}, in the
     * account's currency) or {@code WRITTEN_OFF} (settled outside the account); who and why, for the audit trail.
     */
    record BlockedCostResolved(String actionId, String resolution, Money booked, String resolvedBy, String note)
            implements FundingAccountEvent {
    }

    /** payouts-service's latest summary for the brand: whether nothing is unsettled there (the refund waits for it). */
    record PayoutsStatusNoted(boolean settled) implements FundingAccountEvent {
    }

    record CostLocked(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingAccountEvent {
    }

    record CostPaid(String actionId, Money amount) implements FundingAccountEvent {
    }

    /** A payment (cost or charge) fell due and the balance could not cover it. */
    record PaymentOverdue(String paymentId, Money amount) implements FundingAccountEvent {
    }

    /** A later credit covered an overdue payment. */
    record PastDuePaid(String paymentId, Money amount) implements FundingAccountEvent {
    }

    record DeactivationRecorded(LocalDate closureDate) implements FundingAccountEvent {
    }

    record RefundAuthorized(String authorizationId, @Personal String authorizedBy) implements FundingAccountEvent {
    }

    record RefundIssued(String refundId, Money amount) implements FundingAccountEvent {
    }

    record RequiredFundingChanged(Money pastDue, Money pendingPayments, Money required, Money balance)
            implements FundingAccountEvent {
    }

    /** {@code reportFor}: the closure whose state report this answers; null when the account crossed. */
    record FundingSufficient(Money balance, Money required, Instant asOf, String reportFor)
            implements FundingAccountEvent {
        public FundingSufficient(Money balance, Money required, Instant asOf) {
            this(balance, required, asOf, null);
        }
    }

    /**
     * {@code blockers}: what keeps the account insufficient besides the amounts (none: only money is missing);
     * {@code reportFor}: the closure whose state report this answers; null when the account crossed.
     */
    record FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf,
                               List<FundingState.Blocker> blockers, String reportFor) implements FundingAccountEvent {
        public FundingInsufficient {
            blockers = blockers == null ? List.of() : List.copyOf(blockers);
        }

        public FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf,
                                   List<FundingState.Blocker> blockers) {
            this(balance, required, pastDue, asOf, blockers, null);
        }

        public FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf) {
            this(balance, required, pastDue, asOf, List.of(), null);
        }
    }

    /**
     * payouts-service decided {@code currency} / {@code zone} for an account this funding account was
     * opened otherwise (by a cost that came first): kept as a blocker, the account is insufficient until
     * support resolves it.
     */
    record LocaleConflictNoted(Currency currency, ZoneId zone, String reason) implements FundingAccountEvent {
    }

    /** Support resolved the locale conflict; who and why, for the audit trail. */
    record LocaleConflictResolved(String resolvedBy, String note) implements FundingAccountEvent {
    }
}
