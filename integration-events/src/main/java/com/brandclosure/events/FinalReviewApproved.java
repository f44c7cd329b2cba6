package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record FinalReviewApproved(String accountId, String ticketId, @Personal String approver) implements ClosureEvent {
}
