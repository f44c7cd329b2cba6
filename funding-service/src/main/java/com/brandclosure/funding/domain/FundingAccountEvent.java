package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * What happened to a funding account; stored in its stream under each record's simple name (the
 * logical type names, e.g. {@code CostApproved}, are the stored ones: renaming this interface changes
 * nothing stored). Named apart from {@code com.brandclosure.events.FundingEvent}, the public shape.
 */
public sealed interface FundingAccountEvent {

    record AccountOpened(String accountId, Currency currency) implements FundingAccountEvent {
    }

    record DepositReceived(String depositId, DepositMethod method, Money amount, boolean pending)
            implements FundingAccountEvent {
    }

    record DepositCleared(String depositId, Money amount) implements FundingAccountEvent {
    }

    record DepositFailed(String depositId, Money amount, String reason) implements FundingAccountEvent {
    }

    record ChargeBilled(String chargeId, Money amount, LocalDate dueOn, String description) implements FundingAccountEvent {
    }

    record ChargePaid(String chargeId, Money amount) implements FundingAccountEvent {
    }

    record CostApproved(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingAccountEvent {
    }

    record CostChanged(String actionId, Money amount) implements FundingAccountEvent {
    }

    record CostWithdrawn(String actionId, String reason) implements FundingAccountEvent {
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

    record RefundAuthorized(String authorizationId, String authorizedBy) implements FundingAccountEvent {
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

    record FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf, String reportFor)
            implements FundingAccountEvent {
        public FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf) {
            this(balance, required, pastDue, asOf, null);
        }
    }
}
