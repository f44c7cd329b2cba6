package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.PayoutsSummary;

import java.time.LocalDate;

/** An account's row: settings (currency null until fixed), closure date and the last summary announced. */
public record AccountRow(String accountId, LockingSettings settings, LocalDate closureDate,
                         PayoutsSummary.State summary, long summaryVersion) {
}
