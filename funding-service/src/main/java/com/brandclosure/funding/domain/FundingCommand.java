package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** What can be asked of a funding account. {@code now} comes from the caller's clock. */
public sealed interface FundingCommand {

    record OpenAccount(String accountId, Currency currency) implements FundingCommand {
    }

    record ReceiveDeposit(String depositId, DepositMethod method, Money amount) implements FundingCommand {
    }

    record ClearDeposit(String depositId) implements FundingCommand {
    }

    record FailDeposit(String depositId, String reason) implements FundingCommand {
    }

    record BillCharge(String chargeId, Money amount, LocalDate dueOn, String description) implements FundingCommand {
    }

    /** payouts-service approved a partner cost (or approved it again after a restore). */
    record ApproveCost(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingCommand {
    }

    /** payouts-service modified the cost of an action. */
    record ChangeCost(String actionId, Money amount) implements FundingCommand {
    }

    /** payouts-service reversed or rejected the action: its cost is no longer owed. */
    record WithdrawCost(String actionId, String reason) implements FundingCommand {
    }

    record LockCost(String actionId, Money amount, LocalDate clearingDate, Instant clearingAt)
            implements FundingCommand {
    }

    /** payouts-service cleared the action: pay it now if the clearing timer has not yet. */
    record PayCost(String actionId) implements FundingCommand {
    }

    /** A timer: pay what is due at {@code now}, and re-evaluate which fees fall in the 45-day window. */
    record PayDue() implements FundingCommand {
    }

    record RecordDeactivation(LocalDate closureDate) implements FundingCommand {
    }

    record AuthorizeRefund(String authorizationId, String refundId, String authorizedBy) implements FundingCommand {
    }
}
