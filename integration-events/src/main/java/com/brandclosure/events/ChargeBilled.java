package com.brandclosure.events;


public record ChargeBilled(String accountId, String chargeId, long amountMinor, String currency, java.time.LocalDate dueOn, String description) implements FundingEvent {
}
