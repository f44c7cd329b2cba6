package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * An account's locking settings. A change applies to actions tracked afterwards: an action's
 * lock and clearing dates are fixed when it is tracked, so a brand cannot move the lock date
 * of actions already under review.
 */
@Service
public record AccountSettings(PayoutsStore db, CommandRunner runner) {

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
        // Under the account's lock: no action can be tracked in the old currency meanwhile.
        return runner.inAccount(account.value(), work -> {
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
