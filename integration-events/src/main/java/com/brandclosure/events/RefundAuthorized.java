package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record RefundAuthorized(String accountId, String authorizationId, @Personal String authorizedBy) implements FundingEvent {
}
