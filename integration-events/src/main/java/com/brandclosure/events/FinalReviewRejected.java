package com.brandclosure.events;


public record FinalReviewRejected(String accountId, String ticketId, String reviewer, java.util.List<String> reasons) implements ClosureEvent {
}
