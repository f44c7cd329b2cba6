package com.brandclosure.payouts.web;

import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.persistence.StoredAction;

import java.time.Instant;
import java.time.LocalDate;

/** An action as the REST API shows it. */
public record ActionView(String accountId, String actionId, String state, String partnerId, String contractId,
                         Instant eventAt, Instant reportedAt, LocalDate eventDate, boolean lateReported,
                         long costMinor, String currency, LocalDate lockDate, LocalDate clearingDate, String reason,
                         LocalDate clearedOn, long version) {

    static ActionView of(StoredAction a) {
        var t = (ActionState.Tracked) a.state();
        var d = t.details();
        String reason = switch (t) {
            case ActionState.Reversed r -> r.reason();
            case ActionState.Rejected r -> r.reason().name();
            default -> null;
        };
        return new ActionView(d.accountId().value(), d.actionId(), t.name(), d.partnerId(), d.contractId(),
                d.eventAt(), d.reportedAt(), d.eventDate(), d.lateReported(), d.cost().minor(),
                d.cost().currency().getCurrencyCode(), d.lockDate(), d.clearingDate(), reason,
                t instanceof ActionState.Cleared c ? c.clearedOn() : null, a.version());
    }
}
