package com.brandclosure.events;


public record DepositReceived(String accountId, String depositId, String method, long amountMinor, String currency, boolean pending) implements FundingEvent {
}
