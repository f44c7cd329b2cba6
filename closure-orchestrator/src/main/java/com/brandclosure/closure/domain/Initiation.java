package com.brandclosure.closure.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;

/** Who asked for the closure, why and when; the approver must be someone else. */
public record Initiation(@Personal String initiatedBy, @Personal String reason, Instant at) {
}
