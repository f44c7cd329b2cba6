package com.brandclosure.funding.messaging;

import com.brandclosure.events.FundingEvent;
import com.brandclosure.funding.domain.FundingEvent.ChargeBilled;
import com.brandclosure.funding.domain.FundingEvent.DepositCleared;
import com.brandclosure.funding.domain.FundingEvent.DepositFailed;
import com.brandclosure.funding.domain.FundingEvent.DepositReceived;
import com.brandclosure.funding.domain.FundingEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingEvent.PaymentOverdue;
import com.brandclosure.funding.domain.FundingEvent.RefundAuthorized;
import com.brandclosure.funding.domain.FundingEvent.RefundIssued;
import com.brandclosure.funding.domain.FundingEvent.RequiredFundingChanged;

import java.util.Optional;

/**
 * Domain events to the public shapes on {@code funding.events}. Cost bookkeeping (approved,
 * changed, locked, paid) and settling past due stay internal: payouts-service already
 * publishes the cost facts, and their effect on the account is published as
 * {@code RequiredFundingChanged} and the summary.
 */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    public static Optional<FundingEvent> of(String account, com.brandclosure.funding.domain.FundingEvent event) {
        return Optional.ofNullable(switch (event) {
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
                    e.required().minor(), code(e.balance()), e.asOf());
            case FundingInsufficient e -> new com.brandclosure.events.FundingInsufficient(account,
                    e.balance().minor(), e.required().minor(), e.pastDue().minor(), code(e.balance()), e.asOf());
            case RefundAuthorized e -> new com.brandclosure.events.RefundAuthorized(account, e.authorizationId(),
                    e.authorizedBy());
            case RefundIssued e -> new com.brandclosure.events.RefundIssued(account, e.refundId(), e.amount().minor(),
                    code(e.amount()));
            default -> null;
        });
    }

    private static String code(com.brandclosure.platform.kernel.Money m) {
        return m.currency().getCurrencyCode();
    }
}
