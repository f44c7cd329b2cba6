package com.brandclosure.funding.messaging;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingAccountEvent.ChargeBilled;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositCleared;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositFailed;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositReceived;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.PaymentOverdue;
import com.brandclosure.funding.domain.FundingAccountEvent.RefundAuthorized;
import com.brandclosure.funding.domain.FundingAccountEvent.RefundIssued;
import com.brandclosure.funding.domain.FundingAccountEvent.RequiredFundingChanged;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.kernel.Money;

import java.util.List;

/**
 * Stored funding events to the public shapes on {@code funding.events}, each published under the
 * stored event's id (the runner does that). Cost bookkeeping (approved, changed, locked, paid) and
 * settling past due stay internal: payouts-service already publishes the cost facts, and their
 * effect on the account is published as {@code RequiredFundingChanged} and the summary. The summary
 * lives in the account's one stream; its stored version is published as {@code sourceVersion}.
 */
public final class FundingPublication {

    private FundingPublication() {
    }

    /** The integration events that announce {@code appended} (none for what stays internal). */
    public static List<IntegrationEvent> announce(Appended appended) {
        if (!(appended.event() instanceof FundingAccountEvent event)) {
            return List.of();
        }
        String account = appended.accountId();
        IntegrationEvent announced = switch (event) {
            case DepositReceived e -> new com.brandclosure.events.DepositReceived(account, e.depositId(),
                    e.method().name(), e.amount().minor(), code(e.amount()), e.pending());
            case DepositCleared e -> new com.brandclosure.events.DepositCleared(account, e.depositId(),
                    e.amount().minor(), code(e.amount()));
            case DepositFailed e -> new com.brandclosure.events.DepositFailed(account, e.depositId(),
                    e.amount().minor(), code(e.amount()), e.reason());
            case ChargeBilled e -> new com.brandclosure.events.ChargeBilled(account, e.chargeId(), e.amount().minor(),
                    code(e.amount()), e.dueOn(), e.description());
            case PaymentOverdue e -> new com.brandclosure.events.PaymentOverdue(account, e.paymentId(),
                    e.amount().minor(), code(e.amount()));
            case RequiredFundingChanged e -> new com.brandclosure.events.RequiredFundingChanged(account,
                    e.pastDue().minor(), e.pendingPayments().minor(), e.required().minor(), e.balance().minor(),
                    code(e.balance()));
            case FundingSufficient e -> new com.brandclosure.events.FundingSufficient(account, e.balance().minor(),
                    e.required().minor(), code(e.balance()), e.asOf(), appended.version(), e.reportFor());
            case FundingInsufficient e -> new com.brandclosure.events.FundingInsufficient(account,
                    e.balance().minor(), e.required().minor(), e.pastDue().minor(), code(e.balance()), e.asOf(),
                    appended.version(), e.blockers().stream().map(b -> new com.brandclosure.events.FundingInsufficient
                            .Blocker(b.kind(), b.id(), b.reason())).toList(), e.reportFor());
            case RefundAuthorized e -> new com.brandclosure.events.RefundAuthorized(account, e.authorizationId(),
                    e.authorizedBy());
            case RefundIssued e -> new com.brandclosure.events.RefundIssued(account, e.refundId(), e.amount().minor(),
                    code(e.amount()));
            case FundingAccountEvent.AccountOpened e -> null;
            case FundingAccountEvent.ChargePaid e -> null;
            case FundingAccountEvent.CostApproved e -> null;
            case FundingAccountEvent.CostChanged e -> null;
            case FundingAccountEvent.CostWithdrawn e -> null;
            case FundingAccountEvent.CostLocked e -> null;
            case FundingAccountEvent.CostPaid e -> null;
            case FundingAccountEvent.PastDuePaid e -> null;
            case FundingAccountEvent.DeactivationRecorded e -> null;
            // A blocked cost is announced by the summary (FundingInsufficient's blockers); its resolution is audited
            // in the account's stream (actor, note) and changes the summary in turn.
            case FundingAccountEvent.CostBlocked e -> null;
            case FundingAccountEvent.BlockedCostResolved e -> null;
            case FundingAccountEvent.PayoutsStatusNoted e -> null;
            // Announced by the summary (blocker LOCALE_CONFLICT); the resolution is audited in the stream.
            case FundingAccountEvent.LocaleConflictNoted e -> null;
            case FundingAccountEvent.LocaleConflictResolved e -> null;
        };
        return announced == null ? List.of() : List.of(announced);
    }

    /** The ISO code; none for XXX (ISO 4217's "no currency": an account never opened, its currency unknown). */
    private static String code(Money m) {
        String code = m.currency().getCurrencyCode();
        return "XXX".equals(code) ? null : code;
    }
}
