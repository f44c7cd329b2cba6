package com.brandclosure.closure.domain;

import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** The last action locking date and the instant it has passed (end of that day in the account's zone). */
public record LockDate(LocalDate date, Instant passesAt) {
    public LockDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(passesAt, "passesAt");
    }

    /**
     * The account's UTC offset on the lock date, read back from {@code passesAt} (the start of the
     * day after {@code date} in the account's zone); UTC where that is no valid offset (a producer
     * that did not know the zone fell back to UTC as well).
     */
    public ZoneOffset offset() {
        long seconds = date.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - passesAt.getEpochSecond();
        // Zone offsets are whole quarter hours; a passesAt a moment before midnight still names its day's offset.
        long quarters = Math.round(seconds / 900.0);
        try {
            return ZoneOffset.ofTotalSeconds(Math.toIntExact(quarters * 900));
        } catch (DateTimeException | ArithmeticException e) {
            return ZoneOffset.UTC;
        }
    }
}
