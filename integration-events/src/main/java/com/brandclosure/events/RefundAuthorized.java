package com.brandclosure.events;


public record RefundAuthorized(String accountId, String authorizationId, String authorizedBy) implements FundingEvent {
}
