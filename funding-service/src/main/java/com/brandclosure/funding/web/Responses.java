package com.brandclosure.funding.web;

import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.domain.RefundPolicy;
import com.brandclosure.funding.domain.Verdict;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The response bodies of funding-service. */
public final class Responses {

    private Responses() {
    }

    /**
     * Every part of Required Funding, so a brand sees why it is (in)sufficient; {@code blockers}: what keeps
     * it insufficient besides the amounts (a cost funding cannot book, a past-due amount after deactivation);
     * {@code refundWaitsOn}: every refund rule that refuses the refund now (empty: it may be authorized).
     */
    public record Overview(String accountId, String status, String currency, long balanceMinor,
                           long pendingDepositsMinor, long pastDueMinor, long pendingPartnerCostsMinor,
                           long pendingFeesMinor, long pendingPaymentsMinor, long requiredFundingMinor,
                           boolean sufficient, LocalDate closureDate, long refundedMinor, String zone,
                           List<FundingState.Blocker> blockers, List<Verdict.Rejected> refundWaitsOn) {

        /** The account as of {@code now} (which fees fall in the window); 404 for an account never opened. */
        static Overview of(AccountId account, FundingState state, Instant now) {
            return switch (state) {
                case FundingState.Unopened u -> throw new DomainException.NotFound("funding account " + account
                        + " not found");
                case FundingState.Closed c -> new Overview(account.value(), "CLOSED", c.currency().getCurrencyCode(),
                        0, 0, 0, 0, 0, 0, 0, true, null, c.refunded().minor(), null, List.of(), List.of());
                case FundingState.Active a -> new Overview(account.value(), "ACTIVE", a.currency().getCurrencyCode(),
                        a.balance().minor(), a.pendingDeposits().minor(), a.pastDueTotal().minor(),
                        a.pendingPartnerCosts().minor(), a.pendingFees(now).minor(), a.pendingPayments(now).minor(),
                        a.requiredFunding(now).minor(), a.sufficient(now), a.closureDate(), 0, a.zone().getId(),
                        a.blockers(), RefundPolicy.rejections(a));
            };
        }
    }

    public record Created(String id, Overview account) {
    }
}
