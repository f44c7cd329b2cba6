package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record DepositFailed(String accountId, String depositId, long amountMinor, String currency, @Personal String reason) implements FundingEvent {
}
