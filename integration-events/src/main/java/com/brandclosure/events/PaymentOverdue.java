package com.brandclosure.events;


public record PaymentOverdue(String accountId, String paymentId, long amountMinor, String currency) implements FundingEvent {
}
