package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record ClosureInitiated(String accountId, @Personal String initiatedBy, @Personal String reason) implements ClosureEvent {
}
