package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * An account's locking settings. A change applies to actions tracked afterwards: an action's
 * lock and clearing dates are fixed when it is tracked, so a brand cannot move the lock date
 * of actions already under review.
 */
@Service
public class SettingsService {

    private final PayoutsStore db;
    private final TransactionTemplate tx;
    private final AccountLocks locks;

    public SettingsService(PayoutsStore db, TransactionTemplate tx, AccountLocks locks) {
        this.db = db;
        this.tx = tx;
        this.locks = locks;
    }

    /**
     * The stored settings; empty if none were set and no action fixed the currency yet.
     * {@code actor} must have access to the account (404 otherwise).
     */
    public Optional<LockingSettings> get(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        return db.account(account).map(r -> r.settings());
    }

    /** Stores the settings; {@code actor} must have access to the account (404 otherwise, nothing changes). */
    public LockingSettings put(Actor actor, AccountId account, LockingSettings settings) {
        actor.requireAccess(account.value());
        return tx.execute(status -> {
            locks.lock(account.value());
            var current = db.account(account).map(r -> r.settings());
            if (current.isPresent() && !current.get().currency().equals(settings.currency())
                    && db.countActions(account) > 0) {
                throw new DomainException.Conflict("the account currency is " + current.get().currency()
                        + " and actions exist in it; it cannot change to " + settings.currency());
            }
            db.saveSettings(account, settings);
            return settings;
        });
    }
}
