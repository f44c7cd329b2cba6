package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record ActionModified(String accountId, String actionId, long costMinor, String currency, @Personal String reason) implements PayoutsEvent {
}
