package com.brandclosure.closure.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The last action locking date and the instant it has passed (end of that day in the account's zone). */
public record LockDate(LocalDate date, Instant passesAt) {
    public LockDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(passesAt, "passesAt");
    }
}
