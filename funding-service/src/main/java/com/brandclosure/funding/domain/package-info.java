/**
 * The FundingAccount aggregate of one brand: balance, pending deposits, partner costs and fees
 * to pay, past-due amounts, and the refund at the end. A pure decider.
 * <p>
 * Invariants: every amount is {@link com.brandclosure.platform.kernel.Money} in the account's
 * currency and arithmetic overflow throws; the balance never goes below zero (a payment it
 * cannot cover becomes past due instead); Required Funding = past due + pending payments;
 * every decision ends with the summary ({@code RequiredFundingChanged}, and
 * {@code FundingSufficient}/{@code FundingInsufficient} on a crossing) so no caller can forget it.
 */
package com.brandclosure.funding.domain;
