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

    /**
     * Restores a reversed action to pending, which is allowed only while it is not locked: before its
     * lock instant at {@code asOf}, never once the account was deactivated ({@code closureDate}
     * present), and never while the account is closing ({@code closureRequestedAt} present: the
     * closure saga requested the closure and it was not cancelled since).
     */
    record RestoreAction(Instant asOf, Optional<LocalDate> closureDate, Optional<Instant> closureRequestedAt)
            implements ActionCommand {
        public RestoreAction(Instant asOf, Optional<LocalDate> closureDate) {
            this(asOf, closureDate, Optional.empty());
        }
    }

    record ModifyAction(Money newCost, String reason) implements ActionCommand {
    }

    /** Sent by the lock timer: locks the action if it is approved and its lock date is on or before {@code asOf}. */
    record LockAction(LocalDate asOf) implements ActionCommand {
    }

    /** Sent by the clearing timer: clears the action if it is locked and its clearing date is on or before {@code asOf}. */
    record ClearAction(LocalDate asOf) implements ActionCommand {
    }

    /**
     * A contract became known after the action was judged: an action rejected OUTSIDE_OF_TERMS whose
     * event time one of {@code contracts} covers goes back to pending, if it is still before its lock
     * instant at {@code asOf} and the account was not deactivated ({@code closureDate} present).
     */
    record ReevaluateTerms(List<ContractPeriod> contracts, Instant asOf, Optional<LocalDate> closureDate)
            implements ActionCommand {
        public ReevaluateTerms {
            contracts = List.copyOf(contracts);
        }
    }

    /** The account was deactivated: an action dated on or after {@code closureDate} is rejected. */
    record RejectForClosure(LocalDate closureDate) implements ActionCommand {
    }
}
