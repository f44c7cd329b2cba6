package com.brandclosure.events;


public record DepositFailed(String accountId, String depositId, long amountMinor, String currency, String reason) implements FundingEvent {
}
