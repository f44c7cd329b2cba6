package com.brandclosure.payouts.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The last lock date the closure saga must wait for (issue 11, point 2): the later of the latest lock
 * date of an approved, not yet locked action and the lock date of an action tracked on the day the
 * account's last contract ends. Until that day is over a partner can still convert under the contract,
 * and such an action locks on lockDate(that day); the closure must not be requested before it could
 * even arrive. Days are taken in the account's zone, as every lock date is.
 */
public final class LockHorizon {

    private LockHorizon() {
    }

    /**
     * {@code latestApprovedLock}: the latest lock date of an approved, unlocked action (null if none);
     * {@code lastContractEnd}: when the account's last contract ends or ended (null if none is known).
     * The contract's part counts only while it is still ahead at {@code now} (its lock instant not yet
     * passed): a horizon that is over holds nothing back. Null when neither part holds anything back.
     */
    public static LocalDate lastLockDate(LocalDate latestApprovedLock, Instant lastContractEnd, LockingSettings s,
                                         Instant now) {
        LocalDate fromContract = lastContractEnd == null ? null : contractLockDate(lastContractEnd, s);
        if (fromContract != null && !now.isBefore(LockSchedule.lockAt(fromContract, s.zone()))) {
            fromContract = null;
        }
        if (fromContract == null) {
            return latestApprovedLock;
        }
        return latestApprovedLock == null || fromContract.isAfter(latestApprovedLock) ? fromContract
                : latestApprovedLock;
    }

    /** The lock date of an action tracked on the day (in the account's zone) a contract ends at {@code endsAt}. */
    public static LocalDate contractLockDate(Instant endsAt, LockingSettings s) {
        return LockSchedule.lockDate(LocalDate.ofInstant(endsAt, s.zone()), s);
    }
}
