package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.Personal;
import com.brandclosure.platform.kernel.Money;

import java.time.LocalDate;

/** What happened to an action; stored in its stream under each record's simple name. */
public sealed interface ActionEvent {

    String actionId();

    record ActionTracked(String actionId, ActionDetails details) implements ActionEvent {
    }

    record ActionApproved(String actionId) implements ActionEvent {
    }

    record ActionReversed(String actionId, @Personal String reason) implements ActionEvent {
    }

    record ActionRestored(String actionId) implements ActionEvent {
    }

    record ActionModified(String actionId, Money previousCost, Money newCost, @Personal String reason) implements ActionEvent {
    }

    record ActionLocked(String actionId, LocalDate lockDate) implements ActionEvent {
    }

    record ActionCleared(String actionId, LocalDate clearedOn) implements ActionEvent {
    }

    record ActionRejected(String actionId, RejectionReason reason) implements ActionEvent {
    }

    /**
     * A rejection OUTSIDE_OF_TERMS was judged again when contract {@code contractId}, covering the
     * action's event time, became known later (the conversion had overtaken ContractActivated): the
     * action is pending again.
     */
    record ActionReevaluated(String actionId, String contractId) implements ActionEvent {
    }
}
