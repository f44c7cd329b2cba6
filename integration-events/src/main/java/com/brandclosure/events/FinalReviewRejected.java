package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record FinalReviewRejected(String accountId, String ticketId, @Personal String reviewer, @Personal java.util.List<String> reasons) implements ClosureEvent {
}
