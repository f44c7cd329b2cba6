package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What can be asked of an action. Everything a decision needs travels with the command. */
public sealed interface ActionCommand {

    /**
     * Records a tracked conversion. {@code contracts} are the partner's known contract periods,
     * {@code closureDate} the account's closure date if it was deactivated.
     */
    record TrackAction(AccountId accountId, String actionId, String partnerId, String contractId, Instant eventAt,
                       Instant reportedAt, Money cost, LockingSettings settings, List<ContractPeriod> contracts,
                       Optional<LocalDate> closureDate) implements ActionCommand {
        public TrackAction {
            contracts = List.copyOf(contracts);
        }
    }

    record ApproveAction() implements ActionCommand {
    }

    record ReverseAction(String reason) implements ActionCommand {
    }

    record RestoreAction() implements ActionCommand {
    }

    record ModifyAction(Money newCost, String reason) implements ActionCommand {
    }

    /** Sent by the lock timer: locks the action if it is approved and its lock date is on or before {@code asOf}. */
    record LockAction(LocalDate asOf) implements ActionCommand {
    }

    /** Sent by the clearing timer: clears the action if it is locked and its clearing date is on or before {@code asOf}. */
    record ClearAction(LocalDate asOf) implements ActionCommand {
    }

    /** The account was deactivated: an action dated on or after {@code closureDate} is rejected. */
    record RejectForClosure(LocalDate closureDate) implements ActionCommand {
    }
}
