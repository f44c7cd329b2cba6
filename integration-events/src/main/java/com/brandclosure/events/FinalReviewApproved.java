package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

/**
 * Support approved the final review: the closure is Deactivating. Each source service fences the
 * account and answers {@link AccountFenced}. {@code closureDate}: the closure date (the day of the
 * approval in the account's time zone) that {@link AccountDeactivated} will carry; null in records
 * published before it was added.
 */
public record FinalReviewApproved(String accountId, String ticketId, @Personal String approver, java.time.LocalDate closureDate)
        implements ClosureEvent {
}
