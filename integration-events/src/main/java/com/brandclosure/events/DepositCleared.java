package com.brandclosure.events;


public record DepositCleared(String accountId, String depositId, long amountMinor, String currency) implements FundingEvent {
}
