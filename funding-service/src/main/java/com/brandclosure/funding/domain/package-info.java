/**
 * The FundingAccount aggregate of one brand: balance, pending deposits, partner costs and fees
 * to pay, past-due amounts, and the refund at the end. A pure decider
 * ({@link com.brandclosure.funding.domain.FundingAccount#DECIDER}) whose rules are named policies:
 * {@link com.brandclosure.funding.domain.Payments} (what falls due, how the balance pays it),
 * {@link com.brandclosure.funding.domain.RefundPolicy} and {@link com.brandclosure.funding.domain.AmountPolicy}
 * (each rule a value that allows or rejects, naming itself in the refusal), and
 * {@link com.brandclosure.funding.domain.FundingSummary}.
 * <p>
 * Invariants: every amount is {@link com.brandclosure.platform.kernel.Money} in the account's
 * currency and arithmetic overflow throws (a partner cost that is not is kept as blocked, never
 * dropped, and keeps the account insufficient until support resolves it); a deposit counts only
 * once the payment side confirmed it; dates are days in the account's zone; the balance never goes below zero (a payment it
 * cannot cover becomes past due instead); Required Funding = past due + pending payments;
 * every decision ends with the summary ({@code RequiredFundingChanged}, and
 * {@code FundingSufficient}/{@code FundingInsufficient} on a crossing) so no caller can forget it;
 * time arrives inside the commands ({@link com.brandclosure.funding.domain.FundingCommand#now()}).
 */
package com.brandclosure.funding.domain;
