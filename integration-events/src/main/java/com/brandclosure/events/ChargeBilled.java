package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record ChargeBilled(String accountId, String chargeId, long amountMinor, String currency, java.time.LocalDate dueOn, @Personal String description) implements FundingEvent {
}
