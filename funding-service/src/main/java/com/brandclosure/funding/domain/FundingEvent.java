package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** What happened to a funding account; stored in its stream under each record's simple name. */
public sealed interface FundingEvent {

    record AccountOpened(String accountId, Currency currency) implements FundingEvent {
    }

    record DepositReceived(String depositId, DepositMethod method, Money amount, boolean pending)
            implements FundingEvent {
    }

    record DepositCleared(String depositId, Money amount) implements FundingEvent {
    }

    record DepositFailed(String depositId, Money amount, String reason) implements FundingEvent {
    }

    record ChargeBilled(String chargeId, Money amount, LocalDate dueOn, String description) implements FundingEvent {
    }

    record ChargePaid(String chargeId, Money amount) implements FundingEvent {
    }

    record CostApproved(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingEvent {
    }

    record CostChanged(String actionId, Money amount) implements FundingEvent {
    }

    record CostWithdrawn(String actionId, String reason) implements FundingEvent {
    }

    record CostLocked(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingEvent {
    }

    record CostPaid(String actionId, Money amount) implements FundingEvent {
    }

    /** A payment (cost or charge) fell due and the balance could not cover it. */
    record PaymentOverdue(String paymentId, Money amount) implements FundingEvent {
    }

    /** A later credit covered an overdue payment. */
    record PastDuePaid(String paymentId, Money amount) implements FundingEvent {
    }

    record DeactivationRecorded(LocalDate closureDate) implements FundingEvent {
    }

    record RefundAuthorized(String authorizationId, String authorizedBy) implements FundingEvent {
    }

    record RefundIssued(String refundId, Money amount) implements FundingEvent {
    }

    record RequiredFundingChanged(Money pastDue, Money pendingPayments, Money required, Money balance)
            implements FundingEvent {
    }

    record FundingSufficient(Money balance, Money required, Instant asOf) implements FundingEvent {
    }

    record FundingInsufficient(Money balance, Money required, Money pastDue, Instant asOf) implements FundingEvent {
    }
}
