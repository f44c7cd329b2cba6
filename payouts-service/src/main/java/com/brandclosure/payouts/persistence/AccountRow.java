package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.LockingSettings;

import java.time.LocalDate;

/** An account's row: settings (null until the currency is fixed) and closure date. */
public record AccountRow(String accountId, LockingSettings settings, LocalDate closureDate) {
}
