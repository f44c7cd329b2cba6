package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a contract expires, as the help pages state it: 23:59:59 of the chosen day, in the account's time zone. */
public final class ExpiryPolicy {

    /** The last second of the day on which a contract asked to expire on that day is still active. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private ExpiryPolicy() {
    }

    /**
     * The instant a contract expiring on {@code expireOn} expires. Refuses a day before today (in
     * the account's zone): an expiry cannot be back-dated, because partners were credited meanwhile.
     */
    public static Instant expiresAt(LocalDate expireOn, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (expireOn.isBefore(today)) {
            throw new InvalidInput("expireOn", "must be today (" + today + " in time zone " + zone
                    + ") or a later date, was " + expireOn);
        }
        return expireOn.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** The irreversibility warning must be acknowledged explicitly; anything else is refused with what to acknowledge. */
    public static void requireAcknowledged(Boolean acknowledged) {
        if (!Boolean.TRUE.equals(acknowledged)) {
            throw new DomainException.RuleViolation("expiring contracts is irreversible: an expired contract cannot be "
                    + "reactivated. Acknowledge this by sending \"acknowledgeIrreversible\": true");
        }
    }
}
