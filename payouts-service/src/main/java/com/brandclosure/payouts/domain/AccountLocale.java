package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Zones;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's one currency and one time zone. payouts-service decides them once, with the account's
 * first locking settings (its lock and clearing dates are days in that zone and its costs are in that
 * currency), and announces the decision; contracts-service and funding-service adopt it.
 */
public record AccountLocale(Currency currency, ZoneId zone) {

    public AccountLocale {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
    }

    public static AccountLocale of(LockingSettings settings) {
        return new AccountLocale(settings.currency(), settings.zone());
    }

    /**
     * The locale {@code asked} decides, if nothing was decided yet; empty if it is the one decided already.
     * Another currency or zone than the decided one is refused (409 naming both); a zone is another one
     * only if its rules differ ({@link Zones#same}): "Etc/UTC" after "UTC" is the decided zone.
     */
    public static Optional<AccountLocale> decide(String accountId, Optional<AccountLocale> decided, AccountLocale asked) {
        if (decided.isEmpty()) {
            return Optional.of(asked);
        }
        var d = decided.get();
        if (!d.currency().equals(asked.currency())) {
            throw new DomainException.Conflict("account " + accountId + "'s currency is "
                    + d.currency().getCurrencyCode() + ", not " + asked.currency().getCurrencyCode());
        }
        if (!Zones.same(d.zone(), asked.zone())) {
            throw new DomainException.Conflict("account " + accountId + "'s time zone is " + d.zone().getId()
                    + ", not " + asked.zone().getId());
        }
        return Optional.empty();
    }

    /**
     * {@code asked} as it is stored once this locale is decided: in the decided zone's id, so another
     * spelling of the same zone ("Etc/UTC" after "UTC") never rewrites the id the other services adopted.
     */
    public LockingSettings spelledAsDecided(LockingSettings asked) {
        return asked.zone().equals(zone) ? asked : new LockingSettings(asked.lockMonths(), asked.lockDays(),
                asked.referencePeriod(), asked.paymentSchedulingDays(), zone, asked.currency());
    }
}
