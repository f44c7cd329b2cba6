package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.DomainException;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * An account's locking settings. The locking period is {@code lockMonths} months plus
 * {@code lockDays} days after the end of the reference period; when there are no months the days
 * are capped at 27 so that, counted from a month end, the lock date still falls in the next
 * month (February has 28 days). The payment scheduling period is counted in days after the end
 * of the lock date's month.
 */
public record LockingSettings(int lockMonths, int lockDays, ReferencePeriod referencePeriod,
                              int paymentSchedulingDays, ZoneId zone, Currency currency) {

    public static final int MAX_LOCK_MONTHS = 24;
    public static final int MAX_LOCK_DAYS = 31;
    public static final int MAX_LOCK_DAYS_WITHOUT_MONTHS = 27;
    public static final int MAX_PAYMENT_SCHEDULING_DAYS = 120;

    public LockingSettings {
        Objects.requireNonNull(referencePeriod, "referencePeriod");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        if (lockMonths < 0 || lockMonths > MAX_LOCK_MONTHS) {
            throw new DomainException.BadRequest("lockMonths must be between 0 and " + MAX_LOCK_MONTHS
                    + ", was " + lockMonths);
        }
        if (lockDays < 0 || lockDays > MAX_LOCK_DAYS) {
            throw new DomainException.BadRequest("lockDays must be between 0 and " + MAX_LOCK_DAYS
                    + ", was " + lockDays);
        }
        if (lockMonths == 0 && lockDays > MAX_LOCK_DAYS_WITHOUT_MONTHS) {
            throw new DomainException.BadRequest("lockDays must be at most " + MAX_LOCK_DAYS_WITHOUT_MONTHS
                    + " when lockMonths is 0, was " + lockDays);
        }
        if (paymentSchedulingDays < 0 || paymentSchedulingDays > MAX_PAYMENT_SCHEDULING_DAYS) {
            throw new DomainException.BadRequest("paymentSchedulingDays must be between 0 and "
                    + MAX_PAYMENT_SCHEDULING_DAYS + ", was " + paymentSchedulingDays);
        }
    }

    /**
     * What an account gets until someone sets its settings: one month after the end of the
     * month, paid 15 days after the lock month ends, in UTC. Until then an action is tracked with
     * these in its own currency (a conversion never fixes the account's currency).
     */
    public static LockingSettings defaults(Currency currency) {
        return new LockingSettings(1, 0, ReferencePeriod.MONTH, 15, ZoneId.of("UTC"), currency);
    }
}
