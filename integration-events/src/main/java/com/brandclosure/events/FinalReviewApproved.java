package com.brandclosure.events;


public record FinalReviewApproved(String accountId, String ticketId, String approver) implements ClosureEvent {
}
