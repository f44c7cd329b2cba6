package com.brandclosure.events;


public record RefundIssued(String accountId, String refundId, long amountMinor, String currency) implements FundingEvent {
}
