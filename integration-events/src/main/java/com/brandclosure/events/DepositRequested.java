package com.brandclosure.events;

/**
 * A brand asked to deposit {@code amountMinor} by {@code method}: the intent only. The money counts
 * when the payment side confirms it ({@link DepositCleared}) or not at all ({@link DepositFailed}).
 */
public record DepositRequested(String accountId, String depositId, String method, long amountMinor, String currency)
        implements FundingEvent {
}
