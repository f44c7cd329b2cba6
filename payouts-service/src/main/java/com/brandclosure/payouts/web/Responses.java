package com.brandclosure.payouts.web;

import com.brandclosure.payouts.application.ReviewActions.Outcome;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.ReferencePeriod;
import com.brandclosure.payouts.persistence.StoredAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The response bodies of payouts-service's REST API. */
public final class Responses {

    private Responses() {
    }

    /** An action as the REST API shows it. */
    public record ActionView(String accountId, String actionId, String state, String partnerId, String contractId,
                             Instant eventAt, Instant reportedAt, LocalDate eventDate, boolean lateReported,
                             long costMinor, String currency, LocalDate lockDate, LocalDate clearingDate,
                             String reason, LocalDate clearedOn, long version) {

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

    public record BatchItem(String actionId, Outcome outcome, String state, String message) {
    }

    public record BatchResponse(int changed, int unchanged, int refused, int notFound, List<BatchItem> results) {
    }

    /** One page of actions ({@code Link: rel="next"} when more follow) and how many match in all. */
    public record PageResponse(List<ActionView> items, long total) {
    }

    /** The settings; {@code stored: false} when they are the defaults (and {@code currency} null until fixed). */
    public record SettingsView(int lockMonths, int lockDays, ReferencePeriod referencePeriod,
                               int paymentSchedulingDays, String zone, String currency, boolean stored) {
        static SettingsView of(LockingSettings s, boolean stored) {
            return new SettingsView(s.lockMonths(), s.lockDays(), s.referencePeriod(), s.paymentSchedulingDays(),
                    s.zone().getId(), s.currency() == null ? null : s.currency().getCurrencyCode(), stored);
        }
    }
}
