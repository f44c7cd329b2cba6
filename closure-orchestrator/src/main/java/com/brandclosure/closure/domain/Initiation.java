package com.brandclosure.closure.domain;

import java.time.Instant;

/** Who asked for the closure, why and when; the approver must be someone else. */
public record Initiation(String initiatedBy, String reason, Instant at) {
}
