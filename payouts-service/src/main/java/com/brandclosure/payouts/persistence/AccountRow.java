package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.AccountLocale;
import com.brandclosure.payouts.domain.LockingSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An account's row: settings (null until someone sets them), closure date, and when its currency and
 * zone were decided (null: not yet).
 */
public record AccountRow(String accountId, LockingSettings settings, LocalDate closureDate, Instant localeDecidedAt) {

    /** The decided currency and zone: those of the settings, once decided. */
    public Optional<AccountLocale> decidedLocale() {
        return localeDecidedAt == null || settings == null ? Optional.empty() : Optional.of(AccountLocale.of(settings));
    }
}
