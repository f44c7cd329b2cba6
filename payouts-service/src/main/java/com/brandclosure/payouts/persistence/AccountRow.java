package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.AccountLocale;
import com.brandclosure.payouts.domain.LockingSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An account's row: settings (null until someone sets them), closure date, when its currency and
 * zone were decided (null: not yet), and since when its closure is requested (null: it is not closing,
 * or the closure was cancelled).
 */
public record AccountRow(String accountId, LockingSettings settings, LocalDate closureDate, Instant localeDecidedAt,
                         Instant closureRequestedAt) {

    public AccountRow(String accountId, LockingSettings settings, LocalDate closureDate, Instant localeDecidedAt) {
        this(accountId, settings, closureDate, localeDecidedAt, null);
    }

    /** The decided currency and zone: those of the settings, once decided. */
    public Optional<AccountLocale> decidedLocale() {
        return localeDecidedAt == null || settings == null ? Optional.empty() : Optional.of(AccountLocale.of(settings));
    }
}
