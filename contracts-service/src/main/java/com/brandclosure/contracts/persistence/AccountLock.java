package com.brandclosure.contracts.persistence;

import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Component;

/**
 * Serialises every write of one account inside this service, with the platform's
 * {@link AccountLocks} (a transaction-scoped advisory lock, the same one any multi-account
 * transaction of this service would take in sorted order). Without it a contract created while
 * AccountDeactivated is being applied could slip past the fence, two commands could both decide
 * the account summary flips, and two requests with one Idempotency-Key could both run. It is
 * taken before the transaction's first write, as the event store's ordering rule requires.
 */
@Component
public class AccountLock {

    private final AccountLocks locks;

    public AccountLock(AccountLocks locks) {
        this.locks = locks;
    }

    /** Must run inside a transaction; released at its end. Re-entrant within the transaction. */
    public void lock(AccountId account) {
        locks.lock(account.value());
    }
}
