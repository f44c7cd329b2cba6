package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record ClosureCancelled(String accountId, @Personal String cancelledBy, @Personal String reason) implements ClosureEvent {
}
